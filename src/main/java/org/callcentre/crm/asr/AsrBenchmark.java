package org.callcentre.crm.asr;

import io.micronaut.serde.ObjectMapper;
import org.callcentre.crm.asr.pocketsphinx.PocketsphinxTranscriber;
import org.callcentre.crm.asr.vosk.VoskTranscriber;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real-time factor (audio seconds ÷ processing seconds: above 1 is faster than real time) and memory
 * of each engine on the given recordings:
 * {@code java -cp target/callcentre-crm.jar org.callcentre.crm.asr.AsrBenchmark --engine pocketsphinx --audio a.wav [--runs 3]}.
 * Memory is the peak resident set: of this JVM for Vosk (the model lives in-process), of the
 * recognizer process for PocketSphinx (sampled every 10 ms).
 */
public final class AsrBenchmark {
    private AsrBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String engine = "vosk";
        String modelDir = System.getenv().getOrDefault("CRM_ASR_MODEL_DIR", "asr-models/vosk-model-small-ru-0.22");
        int runs = 3;
        List<Path> audio = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--engine" -> engine = args[++i];
                case "--model" -> modelDir = args[++i];
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--audio" -> audio.add(Path.of(args[++i]));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (audio.isEmpty()) {
            System.err.println("usage: AsrBenchmark --engine vosk|pocketsphinx [--model dir] [--runs n] --audio file.wav|mp3 ...");
            System.exit(2);
        }
        Transcriber transcriber = engine.equals("pocketsphinx")
                ? new PocketsphinxTranscriber("pocketsphinx_continuous", Path.of("/usr/share/pocketsphinx/model/en-us"))
                : new VoskTranscriber(Path.of(modelDir), "ru", ObjectMapper.getDefault());
        List<PcmAudio> inputs = new ArrayList<>();
        double audioSeconds = 0;
        for (Path file : audio) {
            PcmAudio decoded = AudioDecoder.decode(file, file.toString().endsWith(".mp3") ? "audio/mpeg" : "audio/wav",
                    Duration.ofDays(1)); // the benchmark's own files: no service limit
            for (int c = 0; c < decoded.channelCount(); c++) {
                inputs.add(Resampler.resample(decoded.channel(c), transcriber.sampleRate()));
                audioSeconds += decoded.seconds();
            }
        }
        try {
            transcriber.transcribe(inputs.get(0).stream()); // warm-up: loads the model
        } catch (TranscriberUnavailable e) {
            System.out.println(engine + ": not measured here: " + e.getMessage());
            return;
        }
        ChildPeak childPeak = new ChildPeak();
        Thread sampler = new Thread(childPeak, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long words = 0;
        long started = System.nanoTime();
        for (int r = 0; r < runs; r++) {
            for (PcmAudio input : inputs) {
                words += transcriber.transcribe(input.stream()).size();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        childPeak.stop = true;
        sampler.join();
        System.out.printf(Locale.ROOT, "engine=%s channels=%d audio=%.1fs runs=%d processing=%.2fs RTF=%.2f words/run=%d "
                        + "jvmPeakRss=%dMiB recognizerProcessPeakRss=%s%n",
                engine, inputs.size(), audioSeconds, runs, seconds, audioSeconds * runs / seconds, words / runs,
                statusKb("/proc/self/status", "VmHWM") / 1024,
                childPeak.peakKb.get() == 0 ? "-" : childPeak.peakKb.get() / 1024 + "MiB");
    }

    /** Samples the resident set of this JVM's child processes (PocketSphinx runs as one). */
    private static final class ChildPeak implements Runnable {
        final AtomicLong peakKb = new AtomicLong();
        volatile boolean stop;

        @Override
        public void run() {
            while (!stop) {
                ProcessHandle.current().children().forEach(child ->
                        peakKb.accumulateAndGet(statusKb("/proc/" + child.pid() + "/status", "VmRSS"), Math::max));
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static long statusKb(String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException gone) {
            // the process ended between listing and reading
        }
        return 0;
    }
}
