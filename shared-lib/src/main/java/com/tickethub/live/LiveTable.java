package com.tickethub.live;

/** The live connections table, by its deployed name. */
public record LiveTable(String name) {}
