package org.callcentre.loadtest;

import java.net.URI;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives a running CRM the way a busy PBX does, open loop at a fixed rate: as Asterisk (it is the
 * AMI server the CRM logs in to) or as Mango Office (signed webhooks over keep-alive connections).
 * Operators keep WebSockets open and the screen-pops of still-ringing calls are timed from each
 * ring's scheduled time. Before the stream it measures, in the same run, its own ceiling, the
 * PostgreSQL upsert ceiling and the asterisk-java parse ceiling; after it, it reads the database
 * and checks that every call is stored once in its final status. A run that sent less than 99 %
 * of the offered rate in its window is void and says so.
 *
 * <pre>java -jar load-testing/target/load-test.jar mode=ami|mango rate=… seconds=… service=http://127.0.0.1:18080 \
 *      adminPassword=… serviceLog=path (or jdbc=…) servicePidFile=path [profile=ringhold] [name=value …]</pre>
 * The options and their defaults are listed in {@code docs/benchmarks.md}.
 */
public final class LoadTest {
    private static final double VALID_SHARE = 0.99;

    public static void main(String[] args) throws Exception {
        Options opt = new Options(args);
        String mode = opt.text("mode", "ami");
        if ("parse".equals(opt.text("only"))) {
            System.out.printf("asterisk-java alone   %.0f events/s%n", ParseRate.eventsPerSecond(opt.integer("parseCalls", 20_000)));
            return;
        }
        if (!mode.equals("ami") && !mode.equals("mango")) {
            throw new IllegalArgumentException("mode is ami or mango");
        }
        new LoadTest(opt, mode.equals("mango")).run();
    }

    private final Options opt;
    private final boolean mango;
    private final boolean ringHold;
    private final int rate;
    private final int seconds;
    private final int operators;
    private final int sockets;
    private final int connections;
    private final Supplier<CallMix> mix;
    private final String unit;
    private final String described;

    private LoadTest(Options opt, boolean mango) {
        this.opt = opt;
        this.mango = mango;
        this.ringHold = "ringhold".equals(opt.text("profile", "stream"));
        this.rate = opt.integer("rate", mango ? 3000 : 20_000);
        this.seconds = opt.integer("seconds", 60);
        this.operators = opt.integer("operators", 300);
        this.sockets = Math.min(operators, opt.integer("sockets", 50));
        this.connections = opt.integer("connections", 64);
        if (mango && connections < 64) {
            throw new IllegalArgumentException("connections must be at least 64 (Mango posts over many connections at once)");
        }
        long[] ring = opt.millisRange("ring", ringHold ? "3000-8000" : "1000-2000");
        long[] talk = opt.millisRange("talk", ringHold ? "5000-15000" : "2000-5000");
        double answered = opt.decimal("answered", 0.85);
        long seed = opt.integer("seed", 42);
        // Keys stay unique across runs on one database; AMI's Linkedid counter (2 × sequence) must fit an int.
        long firstSequence = (System.currentTimeMillis() / 1000 % 10_000) * 100_000;
        this.mix = () -> new CallMix(seed, answered, ring, talk, operators, sockets, firstSequence);
        this.unit = mango ? "webhooks" : "events";
        this.described = String.format("calls ring %d–%d ms, talk %d–%d ms, %.0f %% answered (the rest abandoned while ringing); "
                + "%d operators, %d with a WebSocket", ring[0], ring[1], talk[0], talk[1], answered * 100, operators, sockets);
    }

    private void run() throws Exception {
        CrmApi api = new CrmApi(opt.text("service", "http://127.0.0.1:18080"));
        String runId = opt.text("run", String.valueOf(System.currentTimeMillis() / 1000));
        String did = "7843" + runId.substring(runId.length() - 7);
        System.out.printf("== Call pipeline load test: %s, %s profile, %s ==%n", mango ? "Mango webhooks" : "AMI events",
                ringHold ? "ring-hold" : "stream", Instant.now());
        System.out.printf("offered %d %s/s for %d s; %s%s%n", rate, unit, seconds, described,
                mango ? "; " + connections + " keep-alive connections" : "");

        try (AmiServer ami = mango ? null : new AmiServer(opt.integer("amiPort", 15038), true, opt.decimal("replaySeconds", 5))) {
            if (ami != null) {
                System.out.println("AMI server on 127.0.0.1:" + ami.port() + "; waiting for the CRM to log in …");
                if (!ami.awaitLogin(180)) {
                    throw new IllegalStateException("the CRM did not log in to AMI (is CRM_AMI_HOST/PORT set?)");
                }
            }
            api.awaitHealthy(180);
            String pid = servicePid();
            RssSampler rss = pid == null ? null : RssSampler.start(pid);
            StoredCalls db = new StoredCalls(jdbcUrl(), opt.text("dbUser", "postgres"), opt.text("dbPassword", ""));

            System.out.println();
            System.out.println("-- ceilings, measured now on this machine (the service idle) --");
            double ceilingSeconds = opt.decimal("ceilingSeconds", 5);
            double tool = mango ? Ceilings.mangoTool(ceilingSeconds, connections, rate, mix) : Ceilings.amiTool(ceilingSeconds, rate, mix);
            System.out.printf("load tool alone          %,.0f %s/s (%s)%n", tool, unit,
                    mango ? "same calls and connections, against a trivial HTTP sink in this JVM" : "same stream, into a socket that discards it");
            System.out.printf("PostgreSQL alone         %,.0f upserted rows/s (1 000 sorted keys a statement and a transaction, primary key only)%n",
                    Ceilings.postgresUpserts(jdbcUrl(), opt.text("dbUser", "postgres"), opt.text("dbPassword", ""), ceilingSeconds));
            int parseCalls = opt.integer("parseCalls", 20_000);
            if (parseCalls > 0) {
                System.out.printf("asterisk-java alone      %,.0f events/s (no-op listener, %d calls)%n", ParseRate.eventsPerSecond(parseCalls), parseCalls);
            }

            String admin = api.login("admin", opt.text("adminPassword"));
            String rk = "BENCH-" + runId;
            api.ensure(admin, "/api/cities", "{\"name\":\"Бенчмарк\",\"timezone\":\"Europe/Moscow\"}");
            api.ensure(admin, "/api/campaigns", "{\"rk\":\"" + rk + "\",\"city\":\"Бенчмарк\",\"phoneAts\":\"+" + did + "\",\"source\":\"bench\"}");
            PopWatch pops = new PopWatch();
            List<WebSocket> open = connectOperators(api, admin, pops);
            System.out.printf("%n%d operators, %d connected over WebSocket; streaming …%n", operators, open.size());

            Instant since = Instant.now().minusSeconds(60);
            Report report = mango ? mangoStream(runId, did, pops) : amiStream(ami, did, pops);
            StoredCalls.Verdict stored = db.await(mango ? "mango" : "ami", since, report.calls(), report.played().endNanos(),
                    opt.integer("stallSeconds", 30), opt.integer("drainSeconds", 300));
            long apiAnswered = countCalls(api, admin, rk, "answered", since);
            long apiMissed = countCalls(api, admin, rk, "missed", since);
            open.forEach(s -> s.sendClose(WebSocket.NORMAL_CLOSURE, "done"));

            print(report, pops, stored, apiAnswered, apiMissed, rss);
        }
    }

    /** What a stream left to report: how it was played, the calls it started, and the sender's own lines. */
    private record Report(Timeline.Played played, long sentInWindow, Map<String, PlannedCall> calls, List<String> lines, String answers) {
    }

    private Report mangoStream(String runId, String did, PopWatch pops) throws Exception {
        Timeline<MangoCallScript.Webhook> timeline = new Timeline<>(mix.get(), new MangoCallScript("bench" + runId, did), pops);
        try (MangoSender sender = new MangoSender(opt.text("service", "http://127.0.0.1:18080"), connections,
                opt.text("mangoKey", "bench-vpbx-api-key"), opt.text("mangoSalt", "bench-vpbx-api-salt"), Integer.MAX_VALUE,
                opt.integer("mangoAttempts", 10))) {
            sender.window(System.nanoTime() + seconds * 1_000_000_000L);
            Timeline.Played played = timeline.play(rate, seconds, sender);
            int patience = opt.integer("answerSeconds", 300);
            boolean done = sender.awaitAnswered(patience);
            List<String> lines = new ArrayList<>();
            lines.add("answers by status      " + sender.outcomes() + " (every try)" + (done ? "" : " — still waiting for some after " + patience + " s"));
            lines.add("sent again after 503   " + sender.resent() + " tries (Retry-After honoured, as Mango does)");
            lines.add("time to the answer     " + sender.latencies().summary() + " (every try, from the time it was due)");
            lines.add("time to the 200        " + sender.toThe200().summary() + " (from the first scheduled time, waits after a 503 included)");
            lines.add("waiting for a connection at most " + sender.maxWaiting() + " webhooks");
            lines.add("calls with a webhook never answered 200: " + sender.refusedCalls().size());
            return new Report(played, sender.sentInWindow(), timeline.calls(), lines,
                    sender.non200() == 0 && done ? "every webhook answered 200" : "NOT every webhook answered 200");
        }
    }

    private Report amiStream(AmiServer ami, String did, PopWatch pops) throws Exception {
        Timeline<String> timeline = new Timeline<>(mix.get(), new AmiCallScript(did, "bench"), pops);
        AmiSender sender = new AmiSender(ami);
        sender.window(System.nanoTime() + seconds * 1_000_000_000L);
        Timeline.Played played = timeline.play(rate, seconds, sender);
        return new Report(played, sender.sentInWindow(), timeline.calls(), List.of("AMI link             " + ami.linkSummary()),
                "every event written to the CRM's socket");
    }

    private List<WebSocket> connectOperators(CrmApi api, String admin, PopWatch pops) throws Exception {
        List<WebSocket> open = new ArrayList<>();
        String ws = api.base().replaceFirst("^http", "ws");
        for (int i = 0; i < operators; i++) {
            String ext = String.valueOf(CallMix.FIRST_EXTENSION + i);
            api.ensure(admin, "/api/operators", "{\"login\":\"bench" + ext + "\",\"password\":\"bench-password-1\",\"name\":\"Bench "
                    + ext + "\",\"role\":\"operator\",\"city\":\"Бенчмарк\",\"sipAddress\":\"" + ext + "\"}");
            if (i < sockets) {
                String token = api.login("bench" + ext, "bench-password-1");
                open.add(api.http().newWebSocketBuilder()
                        .buildAsync(URI.create(ws + "/ws/operator?token=" + token), new ScreenPopListener(pops)).join());
            }
        }
        return open;
    }

    private void print(Report report, PopWatch pops, StoredCalls.Verdict stored, long apiAnswered, long apiMissed, RssSampler rss) {
        Timeline.Played played = report.played();
        double share = report.sentInWindow() / (double) played.offered();
        boolean valid = share >= VALID_SHARE;
        System.out.println();
        System.out.println("-- the stream --");
        System.out.printf("sent in the window     %,d of %,d offered in %.1f s (%.2f %%): %s%n", report.sentInWindow(), played.offered(),
                played.windowSeconds(), share * 100, valid ? "valid" : "VOID — the tool did not send " + (int) (VALID_SHARE * 100)
                        + " % of the offered rate; no figure of this run stands for " + rate + " " + unit + "/s");
        System.out.printf("%s in all              %,d in %,d calls; the last one %.1f s after the window%n", unit, played.items(), played.calls(),
                (played.endNanos() - played.windowEndNanos()) / 1e9);
        report.lines().forEach(System.out::println);
        System.out.println(pops.summary());
        System.out.println();
        System.out.println("-- stored (read from the database) --");
        System.out.printf("calls planned          %,d; in their final status %,d; wrong status %s; missing %,d; extra rows %,d%n",
                stored.planned(), stored.correct(), stored.wrong().isEmpty() ? "0" : stored.wrong(), stored.missing(), stored.extra());
        System.out.printf("last call final        %.1f s after the last %s was sent%n", stored.drainSeconds(), mango ? "webhook" : "event");
        double endToEnd = played.items() / ((played.endNanos() - played.startNanos()) / 1e9 + Math.max(0, stored.drainSeconds()));
        System.out.printf("stored end to end      %,.0f %s/s (all %s ÷ time from the first one until the last call was final)%n",
                endToEnd, unit, unit);
        System.out.printf("through the API        %,d answered + %,d missed with the run's rk%n", apiAnswered, apiMissed);
        if (rss != null) {
            System.out.println("service RSS            " + rss.summary());
        }
        System.out.println();
        System.out.printf("VERDICT: %s; %s; %s; %d of %d rings to connected operators without a pop%n", valid ? "valid run" : "VOID run",
                stored.holds() ? "every call stored once in its final status (0 lost, 0 duplicated)"
                        : "calls NOT all stored once in their final status (" + (stored.planned() - stored.correct()) + " of "
                        + stored.planned() + " not)", report.answers(), pops.withoutPop(), pops.rings());
    }

    /** Exact counts, in two-second windows (the API estimates totals past 10 000 rows). */
    private static long countCalls(CrmApi api, String token, String rk, String status, Instant since) throws Exception {
        long total = 0;
        Instant to = Instant.now().plusSeconds(5);
        for (Instant t = since; t.isBefore(to); t = t.plusSeconds(2)) {
            total += api.countCalls(token, rk, status, t.toString(), t.plusSeconds(2).minusNanos(1000).toString());
        }
        return total;
    }

    private String servicePid() throws Exception {
        return opt.text("servicePidFile") != null ? Files.readString(Path.of(opt.text("servicePidFile"))).trim() : opt.text("servicePid");
    }

    /** {@code jdbc=…}, or the embedded PostgreSQL's port read from the service's log. */
    private String jdbcUrl() throws Exception {
        if (opt.text("jdbc") != null) {
            return opt.text("jdbc");
        }
        String log = opt.text("serviceLog");
        if (log == null) {
            throw new IllegalArgumentException("give jdbc=… or serviceLog=… (the ceilings and the stored-calls check read PostgreSQL)");
        }
        Matcher m = Pattern.compile("Embedded PostgreSQL on port (\\d+)").matcher(Files.readString(Path.of(log)));
        if (!m.find()) {
            throw new IllegalStateException("no embedded PostgreSQL port in " + log + "; give jdbc=…");
        }
        return "jdbc:postgresql://127.0.0.1:" + m.group(1) + "/postgres";
    }
}
