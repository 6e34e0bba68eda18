package org.doudi.region;

/** One administrative region; {@code urbanRural} is URBAN or RURAL for counties and below. */
public record Region(String code, String name, RegionLevel level, String parentCode, String urbanRural) {}
