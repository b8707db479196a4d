package org.callcentre.crm.asr.pocketsphinx;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.callcentre.crm.asr.AsrSettings;
import org.callcentre.crm.asr.PcmAudio;
import org.callcentre.crm.asr.PcmStream;
import org.callcentre.crm.asr.RecognizedWord;
import org.callcentre.crm.asr.Transcriber;
import org.callcentre.crm.asr.TranscriberUnavailable;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CMU PocketSphinx through Debian's {@code pocketsphinx_continuous} program and its packaged US
 * English model ({@code pocketsphinx-en-us}): a real recognizer that installs from apt, so the
 * pipeline is tested end to end where no Vosk model can be had. One process per channel.
 */
@Singleton
@Requires(property = "crm.asr.engine", value = "pocketsphinx")
public class PocketsphinxTranscriber implements Transcriber {
    private static final int SAMPLE_RATE = 16_000;
    /** {@code -time yes} prints one line per segment: word, start, end, posterior probability. */
    private static final Pattern WORD_LINE = Pattern.compile("^(\\S+) (\\d+\\.\\d+) (\\d+\\.\\d+) (\\d+\\.\\d+)$");

    private final String command;
    private final Path modelDir;

    public PocketsphinxTranscriber(AsrSettings settings) {
        this(settings.pocketsphinxCommand(), Path.of(settings.pocketsphinxModelDir()));
    }

    public PocketsphinxTranscriber(String command, Path modelDir) {
        this.command = command;
        this.modelDir = modelDir;
    }

    @Override
    public String engine() {
        return "pocketsphinx";
    }

    @Override
    public String language() {
        return "en";
    }

    @Override
    public int sampleRate() {
        return SAMPLE_RATE;
    }

    @Override
    public List<RecognizedWord> transcribe(PcmStream audio) throws TranscriberUnavailable, IOException, InterruptedException {
        if (!Files.isDirectory(modelDir.resolve("en-us"))) {
            throw new TranscriberUnavailable("PocketSphinx model not found in " + modelDir + ": apt-get install pocketsphinx-en-us");
        }
        Path wav = Files.createTempFile("asr-", ".wav");
        try {
            writeWav(audio, wav);
            Process process;
            try {
                process = new ProcessBuilder(command, "-infile", wav.toString(), "-time", "yes", "-logfn", "/dev/null",
                        "-hmm", modelDir.resolve("en-us").toString(), "-lm", modelDir.resolve("en-us.lm.bin").toString(),
                        "-dict", modelDir.resolve("cmudict-en-us.dict").toString())
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
            } catch (IOException e) {
                throw new TranscriberUnavailable(command + " cannot be started (apt-get install pocketsphinx): " + e.getMessage(), e);
            }
            try {
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int exit = process.waitFor();
                if (exit != 0) {
                    throw new IOException(command + " exited with " + exit);
                }
                return parse(output);
            } finally {
                process.destroyForcibly();
            }
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    static List<RecognizedWord> parse(String output) {
        List<RecognizedWord> words = new ArrayList<>();
        for (String line : output.split("\n")) {
            Matcher m = WORD_LINE.matcher(line.trim());
            if (!m.matches()) {
                continue;
            }
            String word = m.group(1);
            // <s>, </s>, <sil> and [NOISE] are silences and fillers, not words; "word(2)" is an alternative pronunciation
            if (word.startsWith("<") || word.startsWith("[") || word.startsWith("++")) {
                continue;
            }
            words.add(new RecognizedWord(word.replaceAll("\\(\\d+\\)$", ""), Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))));
        }
        return words;
    }

    /** Raw samples to a file as they come, then a WAV header in front: the audio is never whole in memory. */
    private static void writeWav(PcmStream audio, Path file) throws IOException {
        Path raw = Files.createTempFile("asr-", ".pcm");
        try {
            long frames = 0;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(raw))) {
                for (float[][] block = audio.next(); block != null; block = audio.next()) {
                    out.write(PcmAudio.pcm16le(block[0]));
                    frames += block[0].length;
                }
            }
            AudioFormat format = new AudioFormat(audio.sampleRate(), 16, 1, true, false);
            try (AudioInputStream stream = new AudioInputStream(new BufferedInputStream(Files.newInputStream(raw)), format, frames)) {
                AudioSystem.write(stream, AudioFileFormat.Type.WAVE, file.toFile());
            }
        } finally {
            Files.deleteIfExists(raw);
        }
    }
}
