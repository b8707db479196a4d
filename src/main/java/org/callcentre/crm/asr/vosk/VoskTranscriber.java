package org.callcentre.crm.asr.vosk;

import io.micronaut.context.annotation.Requires;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.callcentre.crm.asr.AsrSettings;
import org.callcentre.crm.asr.PcmAudio;
import org.callcentre.crm.asr.PcmStream;
import org.callcentre.crm.asr.RecognizedWord;
import org.callcentre.crm.asr.Transcriber;
import org.callcentre.crm.asr.TranscriberUnavailable;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Vosk (Kaldi) recognition, the production engine. The model is loaded once, on first use, and
 * shared by every worker's recognizer (Vosk's models are thread-safe, recognizers are not). A
 * missing model is reported as {@link TranscriberUnavailable}: jobs fail with that reason and the
 * service keeps running.
 */
@Singleton
@Requires(property = "crm.asr.engine", value = "vosk", defaultValue = "vosk")
public class VoskTranscriber implements Transcriber {
    /** Vosk's small models are trained on 16 kHz audio. */
    static final int SAMPLE_RATE = 16_000;

    private final Path modelDir;
    private final String language;
    private final ObjectMapper json;
    private Model model;

    public VoskTranscriber(AsrSettings settings, ObjectMapper json) {
        this(Path.of(settings.modelDir()), settings.language(), json);
    }

    public VoskTranscriber(Path modelDir, String language, ObjectMapper json) {
        this.modelDir = modelDir;
        this.language = language;
        this.json = json;
    }

    /** Loads libvosk (bundled in the jar for linux-x86-64) and quiets its Kaldi logging; throws if the native library cannot load. */
    public static void loadNativeLibrary() {
        LibVosk.setLogLevel(LogLevel.WARNINGS);
    }

    @Override
    public String engine() {
        return "vosk";
    }

    @Override
    public String language() {
        return language;
    }

    @Override
    public int sampleRate() {
        return SAMPLE_RATE;
    }

    synchronized Model model() throws TranscriberUnavailable {
        if (model == null) {
            if (!Files.isDirectory(modelDir.resolve("am")) && !Files.isDirectory(modelDir.resolve("conf"))) {
                throw new TranscriberUnavailable("Vosk model not found in " + modelDir.toAbsolutePath()
                        + ": run asr-models/download.sh (needs internet) or set CRM_ASR_MODEL_DIR");
            }
            try {
                loadNativeLibrary();
                model = new Model(modelDir.toString());
            } catch (IOException | UnsatisfiedLinkError e) {
                throw new TranscriberUnavailable("Vosk could not load the model in " + modelDir.toAbsolutePath() + ": " + e.getMessage(), e);
            }
        }
        return model;
    }

    @Override
    public List<RecognizedWord> transcribe(PcmStream audio) throws TranscriberUnavailable, IOException, InterruptedException {
        Model shared = model();
        List<RecognizedWord> words = new ArrayList<>();
        try (Recognizer recognizer = new Recognizer(shared, SAMPLE_RATE)) {
            recognizer.setWords(true);
            for (float[][] block = audio.next(); block != null; block = audio.next()) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("transcription stopped");
                }
                byte[] pcm = PcmAudio.pcm16le(block[0]);
                if (recognizer.acceptWaveForm(pcm, pcm.length)) {
                    words.addAll(parse(recognizer.getResult()));
                }
            }
            words.addAll(parse(recognizer.getFinalResult()));
        }
        return words;
    }

    /** Vosk's result: {@code {"result":[{"conf","start","end","word"}…],"text"}}. */
    List<RecognizedWord> parse(String result) throws IOException {
        JsonNode node = json.readValue(result, JsonNode.class);
        JsonNode list = node.get("result");
        List<RecognizedWord> words = new ArrayList<>();
        if (list != null && list.isArray()) {
            for (JsonNode w : list.values()) {
                words.add(new RecognizedWord(w.get("word").getStringValue(), w.get("start").getDoubleValue(),
                        w.get("end").getDoubleValue(), w.get("conf").getDoubleValue()));
            }
        }
        return words;
    }

    @PreDestroy
    synchronized void close() {
        if (model != null) {
            model.close();
            model = null;
        }
    }
}
