package com.tickethub.config;

/** The DynamoDB tables of the template, by their deployed names. */
public record TableNames(String main, String idempotency) {}
