package com.tickethub.config;

/** The main DynamoDB table of the template, by its deployed name. */
public record TableNames(String main) {}
