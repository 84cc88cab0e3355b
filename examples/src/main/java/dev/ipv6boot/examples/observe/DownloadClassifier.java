package dev.ipv6boot.examples.observe;

import java.util.Locale;

/**
 * Tells which boot stage a downloaded path stands for. {@link #byFileName()} knows the usual names; the server
 * adds the exact paths of its configuration with {@link #with(String, BootStage)} (a profile's kernel and initrd,
 * its script and answers routes), which win over names.
 */
@FunctionalInterface
public interface DownloadClassifier {

    /** The stage fetching {@code path} (decoded, no query) reaches, or null when it is no boot step. */
    BootStage classify(String path);

    /**
     * By file name: installer answers ({@code preseed}, {@code user-data}, {@code meta-data}, {@code vendor-data},
     * {@code autoinstall}, kickstart) first, then boot loaders ({@code .efi}, {@code .kpxe}, {@code .pxe},
     * {@code .lkrn}), scripts ({@code .ipxe}, {@code .cfg}: the seed's script is {@code ubuntu.cfg}), kernels
     * ({@code linux}, {@code vmlinuz*}, {@code kernel*}, {@code bzImage}) and initrds ({@code initrd*},
     * {@code initramfs*}).
     */
    static DownloadClassifier byFileName() {
        return path -> {
            String lower = path.toLowerCase(Locale.ROOT);
            String name = lower.substring(lower.lastIndexOf('/') + 1);
            if (lower.contains("preseed") || name.equals("user-data") || name.equals("meta-data")
                    || name.equals("vendor-data") || lower.contains("autoinstall") || name.equals("ks.cfg")
                    || lower.contains("kickstart")) {
                return BootStage.ANSWERS;
            }
            if (name.endsWith(".efi") || name.endsWith(".kpxe") || name.endsWith(".pxe") || name.endsWith(".lkrn")) {
                return BootStage.LOADER;
            }
            if (name.endsWith(".ipxe") || name.endsWith(".cfg")) {
                return BootStage.SCRIPT;
            }
            if (name.equals("linux") || name.startsWith("vmlinuz") || name.startsWith("kernel")
                    || name.equals("bzimage")) {
                return BootStage.KERNEL;
            }
            if (name.startsWith("initrd") || name.startsWith("initramfs")) {
                return BootStage.INITRD;
            }
            return null;
        };
    }

    /** This classifier, with {@code path} (exactly) standing for {@code stage}. */
    default DownloadClassifier with(String path, BootStage stage) {
        return p -> p.equals(path) ? stage : classify(p);
    }
}
