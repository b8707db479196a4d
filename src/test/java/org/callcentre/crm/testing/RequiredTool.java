package org.callcentre.crm.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * A test's need for an installed program (SIPp, Chromium, espeak-ng, …). Without it the test is
 * skipped on a developer's machine, saying what to install, but fails when {@code CI=true}: CI
 * installs every tool listed in {@code .ci/apt-packages}, and a skip there would hide a test that
 * never ran.
 */
public final class RequiredTool {
    private RequiredTool() {
    }

    /** The program's path on {@code PATH}; otherwise skips or fails the calling test. */
    public static Path require(String program, String installHint) {
        return require(program, installHint, System.getenv("PATH"), System.getenv("CI"));
    }

    /** The program in {@code directory} (tools a Debian package keeps off {@code PATH}, such as PostgreSQL's initdb); as {@link #require(String, String)}. */
    public static Path requireIn(String directory, String program, String installHint) {
        return require(program, installHint, directory, System.getenv("CI"));
    }

    static Path require(String program, String installHint, String searchPath, String ci) {
        Optional<Path> found = find(program, searchPath);
        if (found.isPresent()) {
            return found.get();
        }
        String reason = program + " not installed: " + installHint;
        if ("true".equals(ci)) {
            Assertions.fail(reason + " (CI=true: a missing tool fails the build instead of skipping the test)");
        }
        Assumptions.assumeTrue(false, reason);
        throw new AssertionError("unreachable: the assumption aborts the test");
    }

    private static Optional<Path> find(String program, String searchPath) {
        if (searchPath == null) {
            return Optional.empty();
        }
        return Arrays.stream(searchPath.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
