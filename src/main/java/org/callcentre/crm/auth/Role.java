package org.callcentre.crm.auth;

import java.util.Arrays;
import java.util.Optional;

/** Lower-case constants: they are the words of the API, the JWT and the database alike. */
public enum Role {
    admin, supervisor, operator;

    public static final String ADMIN = "admin";
    public static final String SUPERVISOR = "supervisor";
    public static final String OPERATOR = "operator";

    public static Optional<Role> parse(String text) {
        return Arrays.stream(values()).filter(r -> r.name().equals(text)).findFirst();
    }

    /** Supervisors and admins see every city; operators only their own. */
    public boolean seesAllCities() {
        return this != operator;
    }
}
