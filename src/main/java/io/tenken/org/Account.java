package io.tenken.org;

/** One account of the organisation; {@code name} is null when the account was given by id. */
public record Account(String id, String name) {
}
