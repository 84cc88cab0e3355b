package dev.ipv6boot.examples.boot;

import dev.ipv6boot.testkit.peer.NetworkNamespace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One virtual machine under software emulation (TCG): OVMF, one virtio NIC with a fixed MAC on a tap device,
 * optionally a FAT drive made from a host directory. Its serial console goes to a file the test prints when a
 * boot fails. It never reboots ({@code -no-reboot}: a reset ends the process) and is killed by {@link #close()}.
 */
final class QemuMachine implements AutoCloseable {
    static final String PROGRAM = "qemu-system-x86_64";

    private final Process process;
    private final Path console;
    private final Path output;
    private final long startedNanos;

    private QemuMachine(Process process, Path console, Path output, long startedNanos) {
        this.process = process;
        this.console = console;
        this.output = output;
        this.startedNanos = startedNanos;
    }

    static Builder builder(OvmfFirmware firmware, String mac) {
        return new Builder(firmware, mac);
    }

    boolean alive() {
        return process.isAlive();
    }

    Duration uptime() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** The serial console so far, without the firmware's terminal escape sequences. */
    String console() {
        return readStripped(console);
    }

    /** What qemu itself printed (errors about its arguments, the tap, the firmware files). */
    String qemuOutput() {
        return readStripped(output);
    }

    private static String readStripped(Path file) {
        try {
            String text = Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
            return text.replaceAll("\u001b\\[[0-9;?=]*[A-Za-z]", "").replace("\r", "");
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the machine is made of; {@link #start} runs it in a namespace. */
    static final class Builder {
        private final OvmfFirmware firmware;
        private final String mac;
        private final List<String> fwCfg = new ArrayList<>();
        private Path fatDirectory;
        private Duration bootMenuWait = Duration.ZERO;

        private Builder(OvmfFirmware firmware, String mac) {
            this.firmware = firmware;
            this.mac = mac;
        }

        /**
         * A FAT drive with {@code directory}'s content, booted first; without one the NIC is booted first.
         * Read-only: qemu's writable vvfat is experimental and nothing here needs to write.
         */
        Builder fatDrive(Path directory) {
            this.fatDirectory = directory;
            return this;
        }

        /**
         * How long the firmware waits before its first boot option ({@code -boot menu=on,splash-time=...}, which
         * OVMF reads as its boot timeout); its drivers, the IPv6 stack among them, are already running meanwhile.
         */
        Builder bootMenuWait(Duration wait) {
            this.bootMenuWait = wait;
            return this;
        }

        /** A firmware setting, {@code opt/org.tianocore/NAME} = {@code value} (OvmfPkg/RUNTIME_CONFIG.md). */
        Builder tianocore(String name, String value) {
            fwCfg.add("name=opt/org.tianocore/" + name + ",string=" + value);
            return this;
        }

        /** Starts qemu in {@code namespace} on its tap device {@code tap}; files go to {@code dir}. */
        QemuMachine start(NetworkNamespace namespace, String tap, Path dir) throws IOException {
            Path console = dir.resolve("console.log");
            Path output = dir.resolve("qemu.out");
            List<String> command = new ArrayList<>(List.of(PROGRAM,
                    "-machine", "q35,accel=tcg", "-m", "512", "-smp", "1",
                    "-display", "none", "-monitor", "none", "-no-reboot",
                    "-serial", "file:" + console,
                    "-drive", "if=pflash,format=raw,unit=0,readonly=on,file=" + firmware.code(),
                    "-drive", "if=pflash,format=raw,unit=1,file=" + firmware.writableVars(dir),
                    "-netdev", "tap,id=net0,ifname=" + tap + ",script=no,downscript=no",
                    // romfile= keeps qemu's iPXE option ROM off the NIC, so the firmware's own PXE and HTTP
                    // Boot drivers are what runs, not a second iPXE.
                    "-device", "virtio-net-pci,netdev=net0,mac=" + mac + ",romfile="
                            + (fatDirectory == null ? ",bootindex=1" : "")));
            if (fatDirectory != null) {
                command.addAll(List.of("-drive", "file=fat:" + fatDirectory + ",format=raw,if=none,id=disk0,readonly=on",
                        "-device", "virtio-blk-pci,drive=disk0,bootindex=1"));
            }
            if (!bootMenuWait.isZero()) {
                command.addAll(List.of("-boot", "menu=on,splash-time=" + bootMenuWait.toMillis()));
            }
            for (String setting : fwCfg) {
                command.addAll(List.of("-fw_cfg", setting));
            }
            Files.writeString(dir.resolve("qemu.cmd"), String.join(" ", command) + "\n");
            long started = System.nanoTime();
            Process process = namespace.start(output, command.toArray(String[]::new));
            return new QemuMachine(process, console, output, started);
        }
    }
}
