package org.callcentre.loadtest;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fills the CRM's own schema (made by Flyway when the service first starts) with a year of a call
 * centre: cities, campaigns, operators, masters, clients, the operators' status history, calls
 * and orders, streamed with COPY into tables truncated in the same transaction (rows written
 * frozen), with the tables' secondary indexes dropped during the load and built afterwards.
 * Foreign keys are not checked row by row ({@code session_replication_role = replica}): every
 * reference is made by this generator. The statistics rollups are not written here: the service
 * rebuilds them from the rows with its own statements when it next starts (the generator empties
 * {@code stats_rollup_settings}, which it reads as "built with unknown settings").
 *
 * <pre>java -cp load-testing/target/load-test.jar org.callcentre.loadtest.DataGenerator \
 *      jdbc=jdbc:postgresql://127.0.0.1:PORT/postgres user=postgres password= \
 *      calls=10000000 orders=2000000 operators=300 campaigns=200 clients=3000000 days=365 seed=42</pre>
 */
public final class DataGenerator {
    private static final List<String> LOADED = List.of("calls", "call_events", "orders", "clients", "client_phones", "operator_status_history");
    private static final double OUTBOUND_SHARE = 0.08;
    private static final double MISSED_SHARE = 0.15;

    private final Map<String, String> opt;
    private final SplittableRandom random;
    private final long end;
    private final long start;
    private final int cityCount = CentreShape.CITIES.size();
    private final ZoneId[] zones = new ZoneId[cityCount];

    // reference data, by index
    private long[] cityIds;
    private long[] operatorIds;
    private int[] operatorCity;
    private String[] operatorSip;
    private long[] campaignIds;
    private String[] campaignRk;
    private String[] campaignPhone;
    private int[][] campaignsOfCity;
    private double[][] campaignWeightsOfCity;
    private long[][] mastersOfCity;
    private long[] clientFirst;
    private int[] clientCount;
    private Roster roster;
    private long nextCallId;

    // orders decided while calls are written, written after them
    private int orders;
    private int[] orderCall;
    private long[] orderCreated;
    private byte[] orderCity;
    private int[] orderOperator;
    private short[] orderCampaign;
    private int[] orderClient;

    private DataGenerator(Map<String, String> opt) {
        this.opt = opt;
        this.random = new SplittableRandom(Long.parseLong(opt.getOrDefault("seed", "42")));
        this.end = Instant.now().truncatedTo(ChronoUnit.MINUTES).getEpochSecond();
        this.start = end - Long.parseLong(opt.getOrDefault("days", "365")) * 86_400L;
        for (int c = 0; c < cityCount; c++) {
            zones[c] = CentreShape.CITIES.get(c).zoneId();
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            opt.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        new DataGenerator(opt).run();
    }

    private int option(String name, int fallback) {
        return Integer.parseInt(opt.getOrDefault(name, String.valueOf(fallback)).replace("_", ""));
    }

    private void run() throws SQLException {
        long began = System.nanoTime();
        try (Connection db = DriverManager.getConnection(opt.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/postgres"),
                opt.getOrDefault("user", "postgres"), opt.getOrDefault("password", ""))) {
            requireEmpty(db);
            CopyManager copies = db.unwrap(PGConnection.class).getCopyAPI();
            db.setAutoCommit(false);
            List<String> indexes;
            try (Statement s = db.createStatement()) {
                s.execute("SET session_replication_role = replica");
                indexes = dropSecondaryIndexes(db);
                List<String> emptied = new ArrayList<>(LOADED);
                emptied.addAll(referencing(db));
                System.out.println("emptied: " + String.join(", ", emptied));
                s.execute("TRUNCATE " + String.join(", ", emptied));
            }
            String passwordHash = adminPasswordHash(db);
            step("reference data", () -> {
                cities(db, copies);
                campaigns(db, copies);
                operators(db, copies, passwordHash);
                masters(db, copies);
            });
            step("clients", () -> clients(copies));
            step("status history", () -> statusHistory(copies));
            step("calls", () -> calls(copies));
            step("call events", () -> callEvents(db));
            step("orders", () -> orders(copies));
            try (Statement s = db.createStatement()) {
                s.executeUpdate("UPDATE operators o SET status_work = h.status_work FROM operator_status_history h "
                        + "WHERE h.operator_id = o.id AND h.ended_at IS NULL");
            }
            db.commit();
            db.setAutoCommit(true);
            try (Statement s = db.createStatement()) {
                s.execute("SET maintenance_work_mem = '" + opt.getOrDefault("maintenanceWorkMem", "512MB") + "'");
                for (String index : indexes) {
                    step(index.replaceAll(" ON .*", ""), () -> s.execute(index));
                }
                for (String table : List.of("cities", "operators", "campaigns", "masters", "clients", "client_phones",
                        "operator_status_history", "calls", "orders")) {
                    s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), greatest(1, (SELECT max(id) FROM " + table + ")))");
                }
                // rebuilt by the service at its next start, with its own statements and settings
                s.execute("DELETE FROM stats_rollup_settings");
                step("vacuum analyze", () -> {
                    for (String table : LOADED) {
                        s.execute("VACUUM ANALYZE " + table);
                    }
                    s.execute("ANALYZE");
                });
            }
            System.out.printf("done in %.0f s%n", (System.nanoTime() - began) / 1e9);
            report(db);
        }
    }

    private interface Step {
        void run() throws SQLException;
    }

    private static void step(String name, Step step) throws SQLException {
        long t = System.nanoTime();
        step.run();
        System.out.printf("%-60s %7.1f s%n", name, (System.nanoTime() - t) / 1e9);
    }

    private static void requireEmpty(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT (SELECT count(*) FROM cities) + (SELECT count(*) FROM (SELECT 1 FROM calls LIMIT 1) c)")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new IllegalStateException("the database already holds cities or calls: generate into a fresh CRM_DATA_DIR");
            }
        }
    }

    /**
     * Every table whose foreign keys lead to a loaded table, directly or through another such
     * table, read from the catalog: TRUNCATE refuses a referenced table unless what references it
     * is emptied in the same statement, and a table added by a later migration must not break the
     * generator. They stay empty (the generated year has no chats, notes or callbacks).
     */
    private static List<String> referencing(Connection db) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("""
                WITH RECURSIVE referencing(rel) AS (
                    SELECT k.conrelid FROM pg_constraint k
                    WHERE k.contype = 'f' AND k.confrelid = ANY (SELECT t::regclass FROM unnest(?::text[]) t)
                    UNION
                    SELECT k.conrelid FROM pg_constraint k JOIN referencing r ON k.confrelid = r.rel WHERE k.contype = 'f')
                SELECT rel::regclass::text FROM referencing
                WHERE rel <> ALL (SELECT t::regclass FROM unnest(?::text[]) t) ORDER BY 1""")) {
            Array loaded = db.createArrayOf("text", LOADED.toArray());
            ps.setArray(1, loaded);
            ps.setArray(2, loaded);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    /** The secondary (non-constraint) indexes of the loaded tables, dropped; answers their definitions. */
    private static List<String> dropSecondaryIndexes(Connection db) throws SQLException {
        List<String> definitions = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public' AND i.tablename = ANY ('{"
                        + String.join(",", LOADED) + "}') AND NOT EXISTS (SELECT 1 FROM pg_constraint k "
                        + "WHERE k.conindid = ('public.' || i.indexname)::regclass) ORDER BY i.tablename, i.indexname")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
                definitions.add(rs.getString(2));
            }
            for (String name : names) {
                s.execute("DROP INDEX " + name);
            }
        }
        // a partitioned table's index is listed ON ONLY it; made again on it, it is made on every partition too
        return definitions.stream().map(d -> d.replace(" ON ONLY ", " ON ")).toList();
    }

    /** Generated operators log in with the admin's password (its hash is copied): the benchmark needs no second secret. */
    private static String adminPasswordHash(Connection db) throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT password_hash FROM operators WHERE role = 'admin' ORDER BY id LIMIT 1")) {
            if (!rs.next()) {
                throw new IllegalStateException("no admin user: start the service once with CRM_ADMIN_PASSWORD set");
            }
            return rs.getString(1);
        }
    }

    private static long maxId(Connection db, String table) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT coalesce(max(id), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** {@code total} spread over the cities by weight, at least {@code least} each (largest remainders). */
    private int[] spread(int total, int least) {
        double sum = CentreShape.CITIES.stream().mapToDouble(CentreShape.City::weight).sum();
        int[] counts = new int[cityCount];
        double[] remainders = new double[cityCount];
        int left = total - least * cityCount;
        int given = 0;
        for (int c = 0; c < cityCount; c++) {
            double exact = left * CentreShape.CITIES.get(c).weight() / sum;
            counts[c] = least + (int) exact;
            remainders[c] = exact - (int) exact;
            given += counts[c];
        }
        while (given < total) {
            int best = 0;
            for (int c = 1; c < cityCount; c++) {
                best = remainders[c] > remainders[best] ? c : best;
            }
            counts[best]++;
            remainders[best] = -1;
            given++;
        }
        return counts;
    }

    private String personName() {
        return CentreShape.personName(random);
    }

    private void cities(Connection db, CopyManager copies) throws SQLException {
        long base = maxId(db, "cities");
        cityIds = new long[cityCount];
        try (CopyRows rows = new CopyRows(copies, "cities", "id, name, timezone, working_hours", false)) {
            for (int c = 0; c < cityCount; c++) {
                cityIds[c] = base + c + 1;
                CentreShape.City city = CentreShape.CITIES.get(c);
                rows.number(cityIds[c]).text(city.name()).text(city.zone()).text("{\"from\":\"08:00\",\"to\":\"22:00\"}").end();
            }
        }
    }

    private void campaigns(Connection db, CopyManager copies) throws SQLException {
        int total = option("campaigns", 200);
        int[] perCity = spread(total, 2);
        long base = maxId(db, "campaigns");
        campaignIds = new long[total];
        campaignRk = new String[total];
        campaignPhone = new String[total];
        campaignsOfCity = new int[cityCount][];
        campaignWeightsOfCity = new double[cityCount][];
        int k = 0;
        try (CopyRows rows = new CopyRows(copies, "campaigns", "id, rk, city_id, phone_ats, source", false)) {
            for (int c = 0; c < cityCount; c++) {
                campaignsOfCity[c] = new int[perCity[c]];
                campaignWeightsOfCity[c] = new double[perCity[c]];
                double cumulative = 0;
                for (int j = 0; j < perCity[c]; j++, k++) {
                    campaignIds[k] = base + k + 1;
                    campaignRk[k] = String.format("RK-%03d", k + 1);
                    campaignPhone[k] = String.format("+7800555%04d", k + 1);
                    campaignsOfCity[c][j] = k;
                    // a few campaigns bring most calls
                    cumulative += 1 / Math.pow(j + 1, 0.9);
                    campaignWeightsOfCity[c][j] = cumulative;
                    rows.number(campaignIds[k]).text(campaignRk[k]).number(cityIds[c]).text(campaignPhone[k])
                            .text(CentreShape.SOURCES.get(k % CentreShape.SOURCES.size())).end();
                }
            }
        }
    }

    private void operators(Connection db, CopyManager copies, String passwordHash) throws SQLException {
        int total = option("operators", 300);
        int[] perCity = spread(total, 3);
        long base = maxId(db, "operators");
        operatorIds = new long[total];
        operatorCity = new int[total];
        operatorSip = new String[total];
        int i = 0;
        try (CopyRows rows = new CopyRows(copies, "operators", "id, login, password_hash, name, role, city_id, sip_address", false)) {
            for (int c = 0; c < cityCount; c++) {
                for (int j = 0; j < perCity[c]; j++, i++) {
                    operatorIds[i] = base + i + 1;
                    operatorCity[i] = c;
                    operatorSip[i] = String.valueOf(1001 + i);
                    rows.number(operatorIds[i]).text(String.format("op%03d", i + 1)).text(passwordHash)
                            .text(personName()).text("operator").number(cityIds[c]).text(operatorSip[i]).end();
                }
            }
            for (int s = 1; s <= 2; s++) {
                rows.number(base + total + s).text("sup0" + s).text(passwordHash).text(personName()).text("supervisor")
                        .text(null).text(null).end();
            }
        }
        roster = new Roster(operatorIds, operatorCity, cityCount);
    }

    private void masters(Connection db, CopyManager copies) throws SQLException {
        long base = maxId(db, "masters");
        mastersOfCity = new long[cityCount][];
        int[] perCity = spread(option("masters", 300), 3);
        long id = base;
        try (CopyRows masters = new CopyRows(copies, "masters", "id, name, phone", false)) {
            for (int c = 0; c < cityCount; c++) {
                mastersOfCity[c] = new long[perCity[c]];
                for (int j = 0; j < perCity[c]; j++) {
                    mastersOfCity[c][j] = ++id;
                    masters.number(id).text(personName()).text(String.format("+7999000%04d", id)).end();
                }
            }
        }
        try (CopyRows links = new CopyRows(copies, "master_cities", "master_id, city_id", false)) {
            for (int c = 0; c < cityCount; c++) {
                for (long master : mastersOfCity[c]) {
                    links.number(master).number(cityIds[c]).end();
                }
            }
        }
    }

    /** A distinct mobile number per client: the id through a bijection of 0…10⁹−1. */
    private static String phoneOf(long clientId) {
        long n = (clientId * 387_420_489L) % 1_000_000_000L;
        String digits = Long.toString(n);
        return "+79" + "000000000".substring(digits.length()) + digits;
    }

    private void clients(CopyManager copies) throws SQLException {
        int[] perCity = spread(option("clients", 3_000_000), 100);
        clientFirst = new long[cityCount];
        clientCount = perCity;
        long id = 0;
        try (CopyRows clients = new CopyRows(copies, "clients", "id, name, city_id, created_at, updated_at", true)) {
            for (int c = 0; c < cityCount; c++) {
                clientFirst[c] = id + 1;
                for (int j = 0; j < perCity[c]; j++) {
                    id++;
                    long created = start - random.nextLong(2 * 365 * 86_400L);
                    clients.number(id).text(random.nextDouble() < 0.8 ? personName() : null).number(cityIds[c])
                            .time(created).time(created).end();
                }
            }
        }
        try (CopyRows phones = new CopyRows(copies, "client_phones", "id, client_id, phone, created_at", true)) {
            for (long client = 1; client <= id; client++) {
                phones.number(client).number(client).text(phoneOf(client)).time(start).end();
            }
        }
    }

    /** Repeat callers: low-numbered clients of a city call far more often than the rest. */
    private int client(int city) {
        return (int) (clientFirst[city] + (long) (clientCount[city] * Math.pow(random.nextDouble(), 2.5)));
    }

    private void statusHistory(CopyManager copies) throws SQLException {
        long id = 0;
        try (CopyRows rows = new CopyRows(copies, "operator_status_history", "id, operator_id, status_work, started_at, ended_at", true)) {
            for (int i = 0; i < operatorIds.length; i++) {
                for (Roster.Period p : roster.history(i, zones[operatorCity[i]], start, end, random)) {
                    rows.number(++id).number(p.operatorId()).text(p.status()).time(p.start()).time(p.end()).end();
                }
            }
        }
        System.out.printf("  %d status periods%n", id);
    }

    /** One call's facts before it is written; times are epoch seconds. */
    private record Call(long created, int city, boolean outbound, int campaign, int client, String status, String missedReason,
                        int operator, int waitSeconds, int talk, int hold, boolean ordered) {
    }

    /**
     * Hour by hour of UTC, each city gets its share of the hour's calls (weighted by population,
     * local hour, weekday, season and a little day-to-day noise); the running total is rounded so
     * that exactly {@code calls} are written, in time order, as a PBX would have reported them.
     */
    private void calls(CopyManager copies) throws SQLException {
        int total = option("calls", 10_000_000);
        int wantedOrders = option("orders", 2_000_000);
        int hours = (int) ((end - start) / 3600);
        double[] weights = new double[hours * cityCount];
        double sum = 0;
        Map<Long, Double> noise = new HashMap<>();
        SplittableRandom noiseRandom = new SplittableRandom(7);
        for (int h = 0; h < hours; h++) {
            Instant at = Instant.ofEpochSecond(start + h * 3600L);
            for (int c = 0; c < cityCount; c++) {
                ZonedDateTime local = at.atZone(zones[c]);
                LocalDate day = local.toLocalDate();
                double dayNoise = noise.computeIfAbsent(day.toEpochDay() * 64 + c, k -> Math.max(0.5, 1 + 0.12 * noiseRandom.nextGaussian()));
                double w = CentreShape.CITIES.get(c).weight() * CentreShape.HOURS[local.getHour()]
                        * CentreShape.weekday(day.getDayOfWeek()) * CentreShape.season(day) * dayNoise;
                weights[h * cityCount + c] = w;
                sum += w;
            }
        }
        double answeredInboundShare = (1 - OUTBOUND_SHARE) * (1 - MISSED_SHARE);
        double orderChance = Math.min(1, wantedOrders / (total * answeredInboundShare));
        orderCall = new int[wantedOrders + wantedOrders / 50];
        orderCreated = new long[orderCall.length];
        orderCity = new byte[orderCall.length];
        orderOperator = new int[orderCall.length];
        orderCampaign = new short[orderCall.length];
        orderClient = new int[orderCall.length];

        double carry = 0;
        long written = 0;
        int[] statuses = new int[8];
        try (CopyRows rows = new CopyRows(copies, "calls", "id, source, external_id, rk, city_id, client_phone, ats_phone, direction, "
                + "status, missed_reason, operator_id, client_id, order_id, created_at, answered_at, ended_at, wait_seconds, "
                + "hold_seconds, talk_seconds, disconnect_reason, operator_extension, queue, updated_at", true)) {
            List<Call> hour = new ArrayList<>();
            for (int h = 0; h < hours; h++) {
                hour.clear();
                long hourStart = start + h * 3600L;
                for (int c = 0; c < cityCount; c++) {
                    carry += weights[h * cityCount + c] * total / sum;
                    long due = Math.min(total, Math.round(carry)) - written;
                    if (due <= 0) {
                        continue;
                    }
                    ZonedDateTime local = Instant.ofEpochSecond(hourStart).atZone(zones[c]);
                    for (long n = 0; n < due; n++) {
                        hour.add(call(hourStart + random.nextInt(3600), c, local, orderChance));
                    }
                    written += due;
                }
                hour.sort((a, b) -> Long.compare(a.created(), b.created()));
                for (Call call : hour) {
                    write(rows, call);
                    statuses[call.outbound() ? 0 : "answered".equals(call.status()) ? 1 : 2]++;
                }
            }
            System.out.printf("  %d calls: %d inbound answered, %d inbound missed (%.1f %%), %d outbound; %d orders%n", rows.rows(),
                    statuses[1], statuses[2], 100.0 * statuses[2] / (statuses[1] + statuses[2]), statuses[0], orders);
        }
    }

    /**
     * The events a PBX would have reported for each generated call (started, answered when it was,
     * ended), in their months' partitions of {@code call_events}, which are made first: a year of them
     * in the default partition would have to be moved at the service's next start. Payloads are the
     * service's {@code CallEvent} JSON, so a late redelivery folds them as it would real ones.
     */
    private void callEvents(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            for (YearMonth month = YearMonth.from(Instant.ofEpochSecond(start).atZone(ZoneOffset.UTC));
                 !month.isAfter(YearMonth.from(Instant.ofEpochSecond(end).atZone(ZoneOffset.UTC))); month = month.plusMonths(1)) {
                Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                s.execute("CREATE TABLE IF NOT EXISTS call_events_" + month.toString().replace("-", "") + " PARTITION OF call_events "
                        + "FOR VALUES FROM ('" + from + "') TO ('" + to + "')");
            }
            long events = s.executeUpdate("""
                    INSERT INTO call_events (source, call_key, event_id, occurred_at, payload, received_at)
                    SELECT c.source, c.external_id, c.external_id || ':' || e.n, e.at,
                           jsonb_strip_nulls(jsonb_build_object('source', c.source, 'callKey', c.external_id,
                               'eventId', c.external_id || ':' || e.n, 'sequence', e.n,
                               'occurredAt', to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'kind', e.kind,
                               'direction', c.direction, 'callerNumber', c.client_phone, 'companyNumber', c.ats_phone,
                               'extension', CASE WHEN e.kind <> 'STARTED' THEN c.operator_extension END, 'queue', c.queue,
                               'waitSeconds', CASE WHEN e.kind = 'ENDED' THEN c.wait_seconds END)), e.at
                    FROM calls c
                    CROSS JOIN LATERAL (VALUES (1, 'STARTED', c.created_at), (2, 'ANSWERED', c.answered_at), (3, 'ENDED', c.ended_at)) e(n, kind, at)
                    WHERE e.at IS NOT NULL""");
            System.out.println("  " + events + " call events");
        }
    }

    private Call call(long created, int city, ZonedDateTime local, double orderChance) {
        int hour = local.getHour();
        int client = client(city);
        if (random.nextDouble() < OUTBOUND_SHARE) {
            int operator = roster.operatorAt(random, city, local.getDayOfWeek(), hour);
            double u = random.nextDouble();
            String status = u < 0.65 ? "answered" : u < 0.9 ? "missed" : "busy";
            boolean answered = "answered".equals(status);
            return new Call(created, city, true, -1, client, status, "missed".equals(status) ? "no_answer" : null, operator,
                    3 + random.nextInt(22), answered ? CentreShape.talk(random, 70) : 0, answered ? CentreShape.hold(random) : 0, false);
        }
        int[] campaigns = campaignsOfCity[city];
        double[] cumulative = campaignWeightsOfCity[city];
        int at = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
        int campaign = campaigns[Math.min(campaigns.length - 1, at < 0 ? -at - 1 : at)];
        if (random.nextDouble() >= CentreShape.missShare(hour, MISSED_SHARE)) {
            boolean ordered = orders < orderCall.length && random.nextDouble() < orderChance;
            return new Call(created, city, false, campaign, client, "answered", null, roster.operatorAt(random, city, local.getDayOfWeek(), hour),
                    CentreShape.answeredWait(random, hour), CentreShape.talk(random, 110), CentreShape.hold(random), ordered);
        }
        double u = random.nextDouble();
        if (u < 0.06) {
            return new Call(created, city, false, campaign, client, "busy", null, -1, 0, 0, 0, false);
        }
        if (u < 0.09) {
            return new Call(created, city, false, campaign, client, "failed", null, -1, 0, 0, 0, false);
        }
        if (u < 0.77) {
            return new Call(created, city, false, campaign, client, "missed", "abandoned", -1, CentreShape.abandonedWait(random), 0, 0, false);
        }
        if (u < 0.95) {
            // rang an operator until the queue timed out
            return new Call(created, city, false, campaign, client, "missed", "no_answer",
                    roster.operatorAt(random, city, local.getDayOfWeek(), hour), 30 + random.nextInt(31), 0, 0, false);
        }
        return new Call(created, city, false, campaign, client, "missed", "all_busy", -1, random.nextInt(4), 0, 0, false);
    }

    private void write(CopyRows rows, Call call) throws SQLException {
        long id = ++nextCallId;
        boolean answered = "answered".equals(call.status());
        long answeredAt = answered ? call.created() + call.waitSeconds() : -1;
        long ended = answered ? answeredAt + call.talk() + call.hold() : call.created() + call.waitSeconds();
        long orderId = -1;
        if (call.ordered() && orders < orderCall.length) {
            orderCall[orders] = (int) id;
            orderCreated[orders] = ended + 30 + random.nextInt(270);
            orderCity[orders] = (byte) call.city();
            orderOperator[orders] = call.operator();
            orderCampaign[orders] = (short) call.campaign();
            orderClient[orders] = call.client();
            orderId = ++orders;
        }
        boolean hasOperator = call.operator() >= 0;
        rows.number(id).text("ami").text(call.created() + "." + id)
                .text(call.outbound() ? null : campaignRk[call.campaign()]).number(cityIds[call.city()])
                .text(phoneOf(call.client())).text(call.outbound() ? null : campaignPhone[call.campaign()])
                .text(call.outbound() ? "outbound" : "inbound").text(call.status()).text(call.missedReason())
                .numberOrNull(hasOperator ? operatorIds[call.operator()] : -1, -1).number(call.client())
                .numberOrNull(orderId, -1).time(call.created()).time(answeredAt).time(ended)
                .number(call.waitSeconds()).number(call.hold()).number(call.talk())
                .text(answered ? (random.nextDouble() < 0.6 ? "caller" : "agent") : "abandoned".equals(call.missedReason()) ? "caller" : null)
                .text(hasOperator ? operatorSip[call.operator()] : null).text(call.outbound() ? null : "zayavki")
                .time(ended).end();
    }

    private void orders(CopyManager copies) throws SQLException {
        try (CopyRows rows = new CopyRows(copies, "orders", "id, rk, city_id, phone, client_id, type_order, client_name, address, "
                + "date_meeting, type_equipment, problem, status, master_id, result, expenditure, clean, operator_id, call_id, "
                + "created_at, updated_at, closed_at", true)) {
            for (int k = 0; k < orders; k++) {
                long created = orderCreated[k];
                long meeting = created + 3600 + random.nextLong(3 * 86_400L);
                double u = random.nextDouble();
                String status;
                if (meeting > end) {
                    status = u < 0.5 ? "new" : "assigned";
                } else if (meeting > end - 2 * 86_400L) {
                    status = u < 0.4 ? "in_progress" : u < 0.8 ? "completed" : "cancelled";
                } else {
                    status = u < 0.7 ? "completed" : u < 0.98 ? "cancelled" : "in_progress";
                }
                boolean completed = "completed".equals(status);
                long result = completed ? Math.round(450_000 * Math.exp(0.6 * random.nextGaussian())) : -1;
                long expenditure = completed ? Math.round(result * (0.15 + 0.3 * random.nextDouble())) : -1;
                long closed = completed || "cancelled".equals(status) ? Math.min(end, meeting + 1800 + random.nextInt(7200)) : -1;
                int city = orderCity[k];
                long[] masters = mastersOfCity[city];
                double type = random.nextDouble();
                rows.number(k + 1).text(campaignRk[orderCampaign[k]]).number(cityIds[city]).text(phoneOf(orderClient[k]))
                        .number(orderClient[k]).text(type < 0.75 ? "first_time" : type < 0.95 ? "repeat" : "warranty")
                        .text(personName())
                        .text(CentreShape.pick(random, CentreShape.STREETS) + ", д. " + (1 + random.nextInt(120)) + ", кв. " + (1 + random.nextInt(300)))
                        .time(meeting).text(CentreShape.pick(random, CentreShape.EQUIPMENT)).text(CentreShape.pick(random, CentreShape.PROBLEMS))
                        .text(status).numberOrNull("new".equals(status) ? -1 : masters[random.nextInt(masters.length)], -1);
                if (completed) {
                    rows.money(result).money(expenditure).money(result - expenditure);
                } else {
                    rows.text(null).text(null).text(null);
                }
                rows.number(operatorIds[orderOperator[k]]).number(orderCall[k]).time(created)
                        .time(closed >= 0 ? closed : created).time(closed).end();
            }
        }
    }

    private static void report(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT relname, n_live_tup, pg_size_pretty(pg_total_relation_size(relid)) AS total,
                       pg_size_pretty(pg_indexes_size(relid)) AS indexes
                FROM pg_stat_user_tables WHERE pg_total_relation_size(relid) > 1024 * 1024 ORDER BY pg_total_relation_size(relid) DESC""")) {
            System.out.printf("%-28s %12s %10s %10s%n", "table", "rows", "total", "indexes");
            while (rs.next()) {
                System.out.printf("%-28s %12d %10s %10s%n", rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4));
            }
        }
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))")) {
            rs.next();
            System.out.println("database size (before the service rebuilds the rollups): " + rs.getString(1));
        }
    }
}
