"""The `bovenwijks/overzicht` plugin: the whole city by wijk, thema and date."""
