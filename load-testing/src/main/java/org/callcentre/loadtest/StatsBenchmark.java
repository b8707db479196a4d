package org.callcentre.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Times every statistics endpoint and the filtered call list of a running CRM filled by
 * {@link DataGenerator}, and beside them, in the same run, the same figures computed by plain SQL
 * over the raw rows without indexes or rollups ({@link BaselineQueries}).
 *
 * <p>Statistics answers are cached by the service for a minute, so each scenario asks a list of
 * requests that differ in range (and city, or operator) and have not been asked before in this run:
 * the <em>first ask</em> figures are rollup reads. The same list asked again gives the cached
 * figures. The call list has no cache; it runs for a fixed time with many keep-alive connections.
 *
 * <pre>java -cp load-testing/target/load-test.jar org.callcentre.loadtest.StatsBenchmark \
 *      service=http://127.0.0.1:18090 adminPassword=… jdbc=jdbc:postgresql://127.0.0.1:PORT/postgres \
 *      threads=2 requests=300 callThreads=16 callSeconds=15 baselineRuns=2 warmUpRounds=2 [only=calls]</pre>
 *
 * <p>Any request not answered 200, or a baseline whose figures differ from the endpoint's, ends the
 * run with an exception (a non-zero exit), so a schema or API change that breaks it cannot pass
 * unnoticed; {@code GeneratedCentreBenchmarkIT} runs it on a small generated centre.
 */
public final class StatsBenchmark {
    private static final String[] CITIES = CentreShape.CITIES.stream().map(CentreShape.City::name).toArray(String[]::new);

    private final Map<String, String> opt;
    private final CrmApi api;
    private final LocalDate lastDay;
    private final int threads;
    private final int requests;
    private final List<String> table = new ArrayList<>();
    /** Uncached p95 of each scenario, to set the baseline beside. */
    private final Map<String, Double> p95 = new HashMap<>();
    /** Requests answered 200 by scenario, first ask and cached together. */
    private final Map<String, Integer> answered = new LinkedHashMap<>();

    private StatsBenchmark(Map<String, String> opt) {
        this.opt = opt;
        this.api = new CrmApi(opt.getOrDefault("service", "http://127.0.0.1:18090"));
        this.lastDay = LocalDate.now(ZoneId.of("Europe/Moscow")).minusDays(1);
        this.threads = Integer.parseInt(opt.getOrDefault("threads", "2"));
        this.requests = Integer.parseInt(opt.getOrDefault("requests", "300"));
    }

    public static void main(String[] args) throws Exception {
        run(args);
    }

    /** Runs the benchmark; answers how many requests each scenario had answered 200. */
    public static Map<String, Integer> run(String... args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            opt.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        StatsBenchmark benchmark = new StatsBenchmark(opt);
        benchmark.run();
        return benchmark.answered;
    }

    private void run() throws Exception {
        System.out.println("load average at start: " + loadAverage());
        api.awaitHealthy(600);
        String password = opt.get("adminPassword");
        String operatorLogin = opt.getOrDefault("operator", "op001");
        long operatorId = Long.parseLong(CrmApi.field(api.send("POST", "/api/auth/login", null,
                "{\"login\":\"" + operatorLogin + "\",\"password\":\"" + password + "\"}").body(), "id"));

        // only=calls measures the call list alone, a quick check of a change to it
        boolean stats = !"calls".equals(opt.get("only"));
        if (stats) {
            runStats(operatorLogin, operatorId);
        }
        runCalls(operatorId);
        if (stats && opt.containsKey("jdbc")) {
            baseline();
        }
        System.out.println("load average at end: " + loadAverage());
        System.out.println();
        table.forEach(System.out::println);
    }

    private void runStats(String operatorLogin, long operatorId) throws Exception {
        warmUp(operatorLogin, operatorId);
        table.add("| scenario | requests | first ask p50 / p95 / p99 ms | first ask req/s | cached p50 / p95 ms | cached req/s |");
        table.add("|---|---|---|---|---|---|");
        for (int[] range : new int[][] {{30, 300}, {91, 250}, {365, 5}}) {
            int days = range[0];
            int shifts = range[1];
            String label = days == 30 ? "month" : days == 91 ? "quarter" : "year";
            stats("my " + label, operatorLogin, i -> "/api/stats/my" + dates(i, days, shifts));
            stats("operator/{id} " + label, "admin", i -> "/api/stats/operator/" + (operatorId + i / shifts % 300) + dates(i, days, shifts));
            stats("overall " + label, "admin", i -> "/api/stats/overall" + dates(i, days, shifts));
            stats("operators " + label, "admin", i -> "/api/stats/operators" + dates(i, days, shifts));
            stats("operators " + label + " city", "admin", i -> "/api/stats/operators" + dates(i, days, shifts) + "&city=" + city(i / shifts));
            stats("kpi " + label, "admin", i -> "/api/stats/kpi" + dates(i, days, shifts));
            stats("kpi " + label + " city", "admin", i -> "/api/stats/kpi" + dates(i, days, shifts) + "&city=" + city(i / shifts));
            stats("cities " + label, "admin", i -> "/api/stats/cities" + dates(i, days, shifts));
            stats("campaigns " + label, "admin", i -> "/api/stats/campaigns" + dates(i, days, shifts));
        }
        stats("wallboard", "admin", i -> "/api/stats/wallboard");
    }

    private void runCalls(long operatorId) throws Exception {
        int callThreads = Integer.parseInt(opt.getOrDefault("callThreads", "16"));
        int callSeconds = Integer.parseInt(opt.getOrDefault("callSeconds", "15"));
        table.add("");
        table.add("| GET /api/calls (20 rows; the first page unless named), " + callThreads + " connections | requests | p50 / p95 / p99 ms | req/s |");
        table.add("|---|---|---|---|");
        calls("city + month", callThreads, callSeconds, i -> "/api/calls?city=" + city(i) + monthFilter(i));
        calls("operator + month", callThreads, callSeconds, i -> "/api/calls?operatorId=" + (operatorId + i % 300) + monthFilter(i));
        calls("city + status missed + month", callThreads, callSeconds, i -> "/api/calls?status=missed&city=" + city(i) + monthFilter(i));
        calls("one day, no other filter", callThreads, callSeconds, i -> "/api/calls?dateFrom=" + lastDay.minusDays(i % 300) + "&dateTo="
                + lastDay.minusDays(i % 300));
        // the pages the UI asks next as the user scrolls: after the cursor of a first page (asked before, untimed), never counted
        IntFunction<String> cityMonth = i -> "/api/calls?city=" + city(i) + monthFilter(i);
        List<String> after = firstPageCursors(cityMonth);
        calls("city + month, the page after a cursor", callThreads, callSeconds, i -> cityMonth.apply(i) + after.get(i % after.size()));
        // the ceiling of any authenticated request on this machine: the JWT, the cached token version, one row by its key
        calls("trivial authenticated GET /api/operators/me", callThreads, callSeconds, i -> "/api/operators/me");
    }

    /** {@code &after=<next>} of the first page of each of the 300 filters {@code path} varies over ({@code &count=false} for a short one). */
    private List<String> firstPageCursors(IntFunction<String> path) throws Exception {
        String token = api.login("admin", opt.get("adminPassword"));
        List<String> cursors = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String body = api.send("GET", path.apply(i), token, null).body();
            cursors.add(body.contains("\"next\"") ? "&after=" + CrmApi.field(body, "next") : "&count=false");
        }
        return cursors;
    }

    /**
     * Lets the service's JIT compile the request paths before anything is measured: every endpoint
     * asked about days of 2019, which no measured request asks about (so nothing measured is cached).
     */
    private void warmUp(String operatorLogin, long operatorId) throws Exception {
        LocalDate day = LocalDate.parse("2019-01-01");
        String admin = api.login("admin", opt.get("adminPassword"));
        String operator = api.login(operatorLogin, opt.get("adminPassword"));
        int rounds = Integer.parseInt(opt.getOrDefault("warmUpRounds", "2"));
        for (int round = 0; round < rounds; round++) {
            List<String> asAdmin = new ArrayList<>();
            List<String> asOperator = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String range = "?startDate=" + day.plusDays(round * 100 + i) + "&endDate=" + day.plusDays(round * 100 + i + 29);
                asOperator.add("/api/stats/my" + range);
                asAdmin.add("/api/stats/operator/" + (operatorId + i) + range);
                asAdmin.add("/api/stats/overall" + range);
                asAdmin.add("/api/stats/operators" + range + "&city=" + city(i));
                asAdmin.add("/api/stats/kpi" + range + "&city=" + city(i));
                asAdmin.add("/api/stats/cities" + range);
                asAdmin.add("/api/stats/campaigns" + range);
                asAdmin.add("/api/stats/wallboard");
                asAdmin.add("/api/calls?city=" + city(i) + "&dateFrom=" + day.plusDays(i) + "&dateTo=" + day.plusDays(i + 29));
            }
            fixedList(operator, asOperator);
            fixedList(admin, asAdmin);
        }
        System.out.println("warmed up");
    }

    /** Range {@code i}: {@code days} long (a few variants), ending {@code i mod shifts} days before the last full day. */
    private String dates(int i, int days, int shifts) {
        LocalDate end = lastDay.minusDays(i % shifts);
        int length = days - (i / shifts) % 3;
        return "?startDate=" + end.minusDays(length - 1) + "&endDate=" + end;
    }

    private String monthFilter(int i) {
        LocalDate end = lastDay.minusDays(i % 300);
        return "&dateFrom=" + end.minusDays(29) + "&dateTo=" + end;
    }

    private static String city(int i) {
        return CrmApi.enc(CITIES[i % CITIES.length]);
    }

    private void stats(String name, String login, IntFunction<String> path) throws Exception {
        String token = api.login(login, opt.get("adminPassword"));
        List<String> paths = new ArrayList<>();
        for (int i = 0; paths.size() < requests && i < requests * 10; i++) {
            String p = path.apply(i);
            if (!paths.contains(p)) {
                paths.add(p);
            }
        }
        if (paths.size() == 1) {
            // one request only (the wallboard): its first ask is one sample, then it is asked again and again
            paths = java.util.Collections.nCopies(requests, paths.get(0));
        }
        Result first = fixedList(token, paths);
        Result cached = fixedList(token, paths);
        p95.put(name, first.latencies.percentileMillis(0.95));
        answered.put(name, first.latencies.count() + cached.latencies.count());
        table.add(String.format("| %s | %d | %.1f / %.1f / %.1f | %.0f | %.1f / %.1f | %.0f |", name, paths.size(),
                first.latencies.percentileMillis(0.50), first.latencies.percentileMillis(0.95), first.latencies.percentileMillis(0.99),
                first.perSecond(), cached.latencies.percentileMillis(0.50), cached.latencies.percentileMillis(0.95), cached.perSecond()));
        System.out.println(table.get(table.size() - 1));
    }

    private record Result(LatencyRecorder latencies, double seconds) {
        double perSecond() {
            return latencies.count() / seconds;
        }
    }

    /** Each path once, shared out over {@code threads} keep-alive connections. */
    private Result fixedList(String token, List<String> paths) throws Exception {
        AtomicInteger next = new AtomicInteger();
        return load(token, threads, () -> {
            int i = next.getAndIncrement();
            return i < paths.size() ? paths.get(i) : null;
        });
    }

    private void calls(String name, int connections, int seconds, IntFunction<String> path) throws Exception {
        String token = api.login("admin", opt.get("adminPassword"));
        AtomicInteger next = new AtomicInteger();
        long stopAt = System.nanoTime() + seconds * 1_000_000_000L;
        Result r = load(token, connections, () -> System.nanoTime() < stopAt ? path.apply(next.getAndIncrement()) : null);
        answered.put(name, r.latencies.count());
        table.add(String.format("| %s | %d | %.1f / %.1f / %.1f | %.0f |", name, r.latencies.count(), r.latencies.percentileMillis(0.50),
                r.latencies.percentileMillis(0.95), r.latencies.percentileMillis(0.99), r.perSecond()));
        System.out.println(table.get(table.size() - 1));
    }

    private interface Paths {
        /** The next path to ask, or null when done. */
        String next();
    }

    private Result load(String token, int connections, Paths paths) throws Exception {
        LatencyRecorder latencies = new LatencyRecorder();
        AtomicReference<String> failure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long began = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            workers.add(pool.submit(() -> {
                try (KeepAliveHttp http = new KeepAliveHttp(api.base(), token)) {
                    for (String p = paths.next(); p != null; p = paths.next()) {
                        long t0 = System.nanoTime();
                        KeepAliveHttp.Answer answer = http.get(p);
                        latencies.record(System.nanoTime() - t0);
                        if (answer.status() != 200) {
                            failure.compareAndSet(null, p + " → " + answer.status() + " " + answer.body());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        pool.shutdown();
        if (failure.get() != null) {
            throw new IllegalStateException("a request failed: " + failure.get());
        }
        return new Result(latencies, seconds);
    }

    /**
     * The same figures over the raw rows, without indexes or rollups: each endpoint's statements,
     * timed whole, on ranges like those asked above, beside the endpoint's first-ask p95.
     */
    private void baseline() throws SQLException, IOException, InterruptedException {
        int runs = Integer.parseInt(opt.getOrDefault("baselineRuns", "2"));
        table.add("");
        table.add("| figures (month unless named) | endpoint first ask p95 ms | baseline: plain SQL, no index, no rollup (median of " + runs
                + ") ms | endpoint faster by |");
        table.add("|---|---|---|---|");
        try (Connection db = DriverManager.getConnection(opt.get("jdbc"), opt.getOrDefault("user", "postgres"), opt.getOrDefault("password", ""))) {
            BaselineQueries baseline = new BaselineQueries(db);
            LocalDate end = lastDay.minusDays(3);
            LocalDate start = end.minusDays(29);
            long[] rawFigures = baseline.overall(start, end);
            String api = this.api.send("GET", "/api/stats/overall?startDate=" + start + "&endDate=" + end,
                    this.api.login("admin", opt.get("adminPassword")), null).body();
            long[] endpoint = {Long.parseLong(CrmApi.field(api.substring(api.indexOf("\"calls\"")), "total")),
                    Long.parseLong(CrmApi.field(api.substring(api.indexOf("\"orders\"")), "total"))};
            System.out.printf("check, overall %s…%s: baseline inbound %d, orders %d; endpoint %d, %d%n", start, end, rawFigures[0],
                    rawFigures[1], endpoint[0], endpoint[1]);
            if (!Arrays.equals(rawFigures, endpoint)) {
                throw new IllegalStateException("the baseline and the endpoint disagree: one of them no longer computes the figures");
            }
            compare(runs, "overall", "overall month", k -> baseline.overall(start.minusDays(k), end.minusDays(k)));
            compare(runs, "my / operator/{id}", "operator/{id} month", k -> baseline.operator(2 + k, start.minusDays(k), end.minusDays(k)));
            compare(runs, "operators", "operators month", k -> baseline.operators(start.minusDays(k), end.minusDays(k)));
            compare(runs, "kpi", "kpi month", k -> baseline.kpi(start.minusDays(k), end.minusDays(k)));
            compare(runs, "cities", "cities month", k -> baseline.sources("city_id", start.minusDays(k), end.minusDays(k)));
            compare(runs, "campaigns", "campaigns month", k -> baseline.sources("rk", start.minusDays(k), end.minusDays(k)));
            compare(runs, "wallboard (today's KPI)", "wallboard", k -> baseline.kpi(lastDay.plusDays(1), lastDay.plusDays(1)));
            compare(runs, "overall, year", "overall year", k -> baseline.overall(lastDay.minusDays(364 + k), lastDay.minusDays(k)));
        }
    }

    private interface Run {
        void run(int k) throws SQLException;
    }

    private void compare(int runs, String label, String scenario, Run run) throws SQLException {
        double[] ms = new double[runs];
        for (int k = 0; k < runs; k++) {
            long t0 = System.nanoTime();
            run.run(k);
            ms[k] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        double median = runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
        double endpoint = p95.getOrDefault(scenario, Double.NaN);
        table.add(String.format("| %s | %.1f | %.0f | %.0f× |", label, endpoint, median, median / endpoint));
        System.out.println(table.get(table.size() - 1));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
