package dev.ipv6boot.examples.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * Debian's OVMF (package {@code ovmf}): the read-only code flash and the template of the variable store, which
 * each machine gets a writable copy of (the firmware records boot options there).
 */
record OvmfFirmware(Path code, Path varsTemplate) {
    private static final Path DIR = Path.of("/usr/share/OVMF");

    /** The installed build, preferring the 4 MiB flash layout Debian 12 defaults to. */
    static Optional<OvmfFirmware> installed() {
        for (List<String> pair : List.of(List.of("OVMF_CODE_4M.fd", "OVMF_VARS_4M.fd"),
                List.of("OVMF_CODE.fd", "OVMF_VARS.fd"))) {
            Path code = DIR.resolve(pair.get(0));
            Path vars = DIR.resolve(pair.get(1));
            if (Files.isReadable(code) && Files.isReadable(vars)) {
                return Optional.of(new OvmfFirmware(code, vars));
            }
        }
        return Optional.empty();
    }

    /** A fresh copy of the variable store in {@code dir}, so no boot sees another one's boot options. */
    Path writableVars(Path dir) throws IOException {
        return Files.copy(varsTemplate, dir.resolve("OVMF_VARS.fd"), StandardCopyOption.REPLACE_EXISTING);
    }
}
