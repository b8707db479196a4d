package org.callcentre.crm.websecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A well-formed webhook body made hostile: starting from a body the service takes, one to three of its
 * members (at any depth) get a value of the wrong type, a number too large for any column or clock, a
 * deeply nested value, unicode junk, a duplicate key, or go missing; now and then the whole body is not
 * an object at all. Drawn from a seeded {@link Random}, so a failure names the seed that brings it back.
 */
final class HostileJson {
    /** A JSON object as its members in order, so that a key may appear twice. */
    record Obj(List<Member> members) {
        static Obj of(Object... keysAndValues) {
            List<Member> members = new ArrayList<>();
            for (int i = 0; i < keysAndValues.length; i += 2) {
                members.add(new Member((String) keysAndValues[i], keysAndValues[i + 1]));
            }
            return new Obj(members);
        }
    }

    record Member(String key, Object value) {
    }

    /** JSON text written as it is: numbers past every range, nesting, escapes a writer would not produce. */
    record Raw(String json) {
    }

    private static final List<String> HUGE = List.of("1e308", "1e400", "-1e400", "9223372036854775808", "-9223372036854775809",
            "99999999999999999999999999999", "31556889864403200", "9999999999999", "253402300800", "-62135596801", "2147483648",
            "-1", "0.000001", "1.7976931348623157E309");
    private static final List<String> JUNK = List.of("", " ", "\u0000", "a\u0000b", "\u202eевил\u202c", "\ufeffBOM",
            "\ud83d\ude00\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67", "e\u0301\u0301\u0301\u0301", "\t\r\n", "\\", "\"",
            "'; DROP TABLE calls; --", "${jndi:ldap://127.0.0.1/x}", "<script>alert(1)</script>", "ｆｕｌｌｗｉｄｔｈ", "NaN", "null");

    private final Random random;

    HostileJson(Random random) {
        this.random = random;
    }

    /** What was done to the body, for the failure message. */
    record Body(String json, String mutations) {
    }

    Body mutate(Obj template) {
        if (random.nextInt(12) == 0) {
            String json = List.of("[]", "\"text\"", "123", "null", "[{}]", "true").get(random.nextInt(6));
            return new Body(json, "not an object");
        }
        List<String> done = new ArrayList<>();
        Obj body = template;
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            List<List<Integer>> paths = new ArrayList<>();
            collect(body, new ArrayList<>(), paths);
            List<Integer> path = paths.get(random.nextInt(paths.size()));
            Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
            body = (Obj) apply(body, path, 0, mutation, done);
        }
        return new Body(write(body), String.join("; ", done));
    }

    private enum Mutation { WRONG_TYPE, HUGE_NUMBER, DEEP, MISSING, UNICODE_JUNK, DUPLICATE }

    private static void collect(Obj obj, List<Integer> prefix, List<List<Integer>> paths) {
        for (int i = 0; i < obj.members().size(); i++) {
            List<Integer> path = new ArrayList<>(prefix);
            path.add(i);
            paths.add(path);
            if (obj.members().get(i).value() instanceof Obj inner) {
                collect(inner, path, paths);
            }
        }
    }

    private Object apply(Obj obj, List<Integer> path, int depth, Mutation mutation, List<String> done) {
        List<Member> members = new ArrayList<>(obj.members());
        int at = path.get(depth);
        Member member = members.get(at);
        if (depth + 1 < path.size()) {
            members.set(at, new Member(member.key(), apply((Obj) member.value(), path, depth + 1, mutation, done)));
            return new Obj(members);
        }
        switch (mutation) {
            case MISSING -> members.remove(at);
            case DUPLICATE -> members.add(at + 1, new Member(member.key(), random.nextBoolean() ? member.value() : hostileValue()));
            default -> members.set(at, new Member(member.key(), valueFor(mutation)));
        }
        done.add(mutation + " " + member.key());
        return new Obj(members);
    }

    private Object valueFor(Mutation mutation) {
        return switch (mutation) {
            case WRONG_TYPE -> List.<Object>of(new Raw("true"), new Raw("null"), new Raw("[1,2]"), Obj.of(), "text", new Raw("1.5"),
                    new Raw("-0"), "123abc", new Raw("[]")).get(random.nextInt(9));
            case HUGE_NUMBER -> random.nextBoolean() ? new Raw(HUGE.get(random.nextInt(HUGE.size()))) : HUGE.get(random.nextInt(HUGE.size()));
            case DEEP -> deep(List.of(2, 50, 900, 5000).get(random.nextInt(4)));
            case UNICODE_JUNK -> junk();
            default -> throw new IllegalArgumentException(mutation.name());
        };
    }

    private Object hostileValue() {
        Mutation[] values = {Mutation.WRONG_TYPE, Mutation.HUGE_NUMBER, Mutation.UNICODE_JUNK};
        return valueFor(values[random.nextInt(values.length)]);
    }

    private Raw deep(int levels) {
        boolean arrays = random.nextBoolean();
        return new Raw((arrays ? "[" : "{\"a\":").repeat(levels) + "1" + (arrays ? "]" : "}").repeat(levels));
    }

    private Object junk() {
        return switch (random.nextInt(5)) {
            case 0 -> new Raw("\"\\ud800x\\udfff\"");
            case 1 -> "é".repeat(1 + random.nextInt(60_000));
            case 2 -> {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < 40; i++) {
                    int cp = random.nextInt(4) == 0 ? random.nextInt(0x20) : random.nextInt(0x10FFFF);
                    if (Character.isValidCodePoint(cp) && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                        sb.appendCodePoint(cp);
                    }
                }
                yield sb.toString();
            }
            default -> JUNK.get(random.nextInt(JUNK.size()));
        };
    }

    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb);
        return sb.toString();
    }

    private static void write(Object value, StringBuilder sb) {
        if (value instanceof Obj obj) {
            sb.append('{');
            for (int i = 0; i < obj.members().size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(HostileValues.quote(obj.members().get(i).key())).append(':');
                write(obj.members().get(i).value(), sb);
            }
            sb.append('}');
        } else if (value instanceof Raw raw) {
            sb.append(raw.json());
        } else if (value instanceof String s) {
            sb.append(HostileValues.quote(s));
        } else {
            sb.append(value);
        }
    }
}
