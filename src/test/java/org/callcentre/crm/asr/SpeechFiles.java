package org.callcentre.crm.asr;

import org.callcentre.crm.testing.RequiredTool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test audio made by Debian's speech tools: espeak-ng speaks, sox converts, lame encodes MP3. */
public final class SpeechFiles {
    private SpeechFiles() {
    }

    /** English speech as a WAV file at the given rate and channel count (the same voice on every channel). */
    public static Path speak(String text, int rate, int channels, Path dir) throws IOException, InterruptedException {
        Path espeak = RequiredTool.require("espeak-ng", "apt-get install espeak-ng");
        Path sox = RequiredTool.require("sox", "apt-get install sox");
        Path raw = dir.resolve("raw-" + System.nanoTime() + ".wav");
        run(List.of(espeak.toString(), "-v", "en-us", "-s", "140", "-w", raw.toString(), text));
        Path out = dir.resolve("speech-" + System.nanoTime() + ".wav");
        run(List.of(sox.toString(), raw.toString(), "-r", String.valueOf(rate), "-c", String.valueOf(channels), "-b", "16", out.toString()));
        return out;
    }

    /** Two recordings as the left and right channel of one stereo WAV. */
    public static Path stereo(Path left, Path right, Path dir) throws IOException, InterruptedException {
        Path sox = RequiredTool.require("sox", "apt-get install sox");
        Path out = dir.resolve("stereo-" + System.nanoTime() + ".wav");
        run(List.of(sox.toString(), "-M", left.toString(), right.toString(), out.toString()));
        return out;
    }

    public static Path mp3(Path wav, Path dir) throws IOException, InterruptedException {
        Path lame = RequiredTool.require("lame", "apt-get install lame");
        Path out = dir.resolve("speech-" + System.nanoTime() + ".mp3");
        run(List.of(lame.toString(), "--quiet", wav.toString(), out.toString()));
        return out;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(command.get(0) + " failed: " + output);
        }
    }

    public static void await(String what, java.util.function.BooleanSupplier condition, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
