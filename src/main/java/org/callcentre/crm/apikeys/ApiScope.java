package org.callcentre.crm.apikeys;

import java.util.Arrays;
import java.util.List;

/** What an API key may do, written {@code area:access}. A key holds the scopes it was issued with, nothing more. */
public enum ApiScope {
    LEADS_WRITE("leads:write");

    public static final List<String> VALUES = Arrays.stream(values()).map(ApiScope::value).toList();

    private final String value;

    ApiScope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
