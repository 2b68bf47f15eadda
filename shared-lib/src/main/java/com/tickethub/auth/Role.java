package com.tickethub.auth;

/** The Cognito groups that grant something beyond buying. */
public enum Role {
  ORGANIZER("organizer"),
  STAFF("staff");

  private final String group;

  Role(String group) {
    this.group = group;
  }

  public String group() {
    return group;
  }
}
