package dev.ipv6boot.examples.config;

import java.util.List;
import java.util.Map;

/**
 * Something a machine can install: the kernel and initrd iPXE loads, and the installer's answers.
 *
 * @param name            referred to by machines
 * @param installer       {@code debian-installer} (preseed) or {@code subiquity} (autoinstall)
 * @param release         e.g. {@code bookworm}, {@code noble}
 * @param kernel          URL (absolute, or a path under the HTTP root)
 * @param initrd          URL (absolute, or a path under the HTTP root)
 * @param kernelArguments extra kernel command-line arguments
 * @param answers         preseed/autoinstall answers in debconf form ({@code passwd/username: ubuntu})
 */
public record ProfileConfig(String name, String installer, String release, String kernel, String initrd,
                            List<String> kernelArguments, Map<String, String> answers) {
    public ProfileConfig {
        installer = installer == null ? "debian-installer" : installer;
        kernelArguments = Lists.copy(kernelArguments);
        answers = Lists.copy(answers);
    }
}
