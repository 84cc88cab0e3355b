package dev.ipv6boot.dhcp6.policy;

import dev.ipv6boot.dhcp6.catalog.OptionCodes;
import dev.ipv6boot.dhcp6.codec.Dhcp6Limits;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageType;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageView;
import dev.ipv6boot.dhcp6.codec.Dhcp6Writer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a compiled policy against what real boot clients send. Rather than reason about expressions
 * symbolically, it runs the policy on probe Solicits shaped like the captured ones (EDK2 PXE, EDK2 HTTP Boot,
 * iPXE, each for x86-64 and ARM64) and looks at what each would be given.
 */
final class PolicyLint {

    /** A synthetic client modelled on a capture in {@code vectors/}. */
    private record Probe(String name, int arch, boolean ipxe, String vendorClass, String firmwareName) {
    }

    private static final Probe[] FIRMWARE = {
        new Probe("EDK2 PXE x86-64", 0x0007, false, "PXEClient:Arch:00007:UNDI:003000", null),
        new Probe("EDK2 HTTP Boot x86-64", 0x0010, false, "HTTPClient:Arch:00016:UNDI:003000", null),
        new Probe("EDK2 PXE ARM64", 0x000b, false, "PXEClient:Arch:00011:UNDI:003000", null),
        new Probe("EDK2 HTTP Boot ARM64", 0x0013, false, "HTTPClient:Arch:00019:UNDI:003000", null),
    };

    private static final Probe[] IPXE = {
        new Probe("iPXE x86-64 EFI (user class 'iPXE', arch 0x0007)", 0x0007, true,
                "PXEClient:Arch:00007:UNDI:003010", "EDK2 PXE x86-64"),
        new Probe("iPXE ARM64 EFI (user class 'iPXE', arch 0x000b)", 0x000b, true,
                "PXEClient:Arch:00011:UNDI:003010", "EDK2 PXE ARM64"),
    };

    private PolicyLint() {
    }

    static List<PolicyProblem> check(Dhcp6Policy policy) {
        List<PolicyProblem> problems = new ArrayList<>();
        Dhcp6MessageView view = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
        PolicyDecision decision = new PolicyDecision(policy);
        List<SubnetPolicy> scopes = new ArrayList<>(policy.subnets());
        if (scopes.isEmpty()) {
            scopes.add(null);
        }
        for (SubnetPolicy subnet : scopes) {
            String where = subnet == null ? "" : " in subnet " + subnet.prefix();
            for (Probe ipxe : IPXE) {
                Probe firmware = firmwareOf(ipxe);
                OptionSetting ipxeUrl = urlFor(policy, view, decision, subnet, ipxe);
                OptionSetting firmwareUrl = urlFor(policy, view, decision, subnet, firmware);
                if (ipxeUrl != null && firmwareUrl != null && ipxeUrl.equals(firmwareUrl)) {
                    problems.add(new PolicyProblem(ipxeUrl.source(), chainLoadMessage(policy, view, subnet, ipxe,
                            ipxeUrl) + where));
                }
            }
            for (Probe firmware : FIRMWARE) {
                OptionSetting url = urlFor(policy, view, decision, subnet, firmware);
                if (url == null) {
                    continue;
                }
                String text = url.url();
                if (firmware.name().contains("PXE") && !text.startsWith("tftp://")) {
                    problems.add(new PolicyProblem(url.source(), firmware.name() + " would get boot URL " + text
                            + where + ", but UEFI PXE loads only tftp:// URLs (it fails with PXE-E53); give class"
                            + " EDK2_PXE a tftp:// URL"));
                }
                if (firmware.name().contains("HTTP") && !text.startsWith("http://") && !text.startsWith("https://")) {
                    problems.add(new PolicyProblem(url.source(), firmware.name() + " would get boot URL " + text
                            + where + ", but UEFI HTTP Boot loads only http:// and https:// URLs"));
                }
            }
        }
        checkSettings(policy, problems);
        return problems;
    }

    private static void checkSettings(Dhcp6Policy policy, List<PolicyProblem> problems) {
        List<List<OptionSetting>> groups = new ArrayList<>();
        groups.add(policy.options());
        policy.chains().forEach(c -> c.rules().forEach(r -> groups.add(r.options())));
        boolean globalDns = policy.options().stream().anyMatch(s -> s.code() == OptionCodes.DNS_SERVERS);
        for (SubnetPolicy s : policy.subnets()) {
            groups.add(s.options());
            s.chains().forEach(c -> c.rules().forEach(r -> groups.add(r.options())));
        }
        boolean anyDns = groups.stream().flatMap(List::stream).anyMatch(s -> s.code() == OptionCodes.DNS_SERVERS);
        for (List<OptionSetting> group : groups) {
            for (OptionSetting s : group) {
                if (s.code() == OptionCodes.VENDOR_CLASS && Dhcp6Policy.carriesPxeClient(s.data())) {
                    problems.add(new PolicyProblem(s.source(), "a Vendor Class carrying \"PXEClient\" is never sent:"
                            + " EDK2 treats it as a ProxyDHCP offer and ignores the boot URL"));
                }
                if (s.code() == OptionCodes.BOOT_FILE_URL && Dhcp6Policy.urlNamesHost(s.data()) && !anyDns && !globalDns) {
                    problems.add(new PolicyProblem(s.source(), "boot URL " + s.url() + " names a host but no"
                            + " dns-servers (23) option is configured: the client cannot resolve it"));
                }
            }
        }
    }

    private static Probe firmwareOf(Probe ipxe) {
        for (Probe p : FIRMWARE) {
            if (p.name().equals(ipxe.firmwareName())) {
                return p;
            }
        }
        throw new IllegalStateException(ipxe.firmwareName());
    }

    private static OptionSetting urlFor(Dhcp6Policy policy, Dhcp6MessageView view, PolicyDecision decision,
                                        SubnetPolicy subnet, Probe probe) {
        ByteBuf buf = Unpooled.wrappedBuffer(solicit(probe));
        if (!view.wrap(buf)) {
            throw new IllegalStateException("probe " + probe.name() + ": " + view.error());
        }
        policy.decide(view, subnet, decision);
        return decision.drop() ? null : decision.find(OptionCodes.BOOT_FILE_URL);
    }

    private static String chainLoadMessage(Dhcp6Policy policy, Dhcp6MessageView view, SubnetPolicy subnet,
                                           Probe ipxe, OptionSetting url) {
        ByteBuf buf = Unpooled.wrappedBuffer(solicit(ipxe));
        view.wrap(buf);
        long classes = policy.classify(view);
        Rule caught = null;
        Rule meant = null;
        List<RuleChain> chains = new ArrayList<>();
        if (subnet != null) {
            chains.addAll(subnet.chains());
        }
        chains.addAll(policy.chains());
        for (RuleChain chain : chains) {
            int first = chain.firstMatch(view, classes);
            if (first < 0 || caught != null) {
                continue;
            }
            Rule r = chain.rules().get(first);
            if (r.options().contains(url)) {
                caught = r;
                for (int i = first + 1; i < chain.rules().size() && meant == null; i++) {
                    Rule later = chain.rules().get(i);
                    if (later.when().test(view, classes) && !later.condition().equals("else")) {
                        meant = later;
                    }
                }
            }
        }
        StringBuilder m = new StringBuilder("chain-load loop: ").append(ipxe.name())
                .append(" is given the same boot file as the firmware that loads it, ").append(url.url())
                .append(", so it will load itself forever");
        if (caught != null) {
            m.append(". The rule '").append(caught.condition()).append("' (").append(caught.source())
                    .append(") matches iPXE too, because iPXE also sends the firmware's architecture type");
            if (meant != null) {
                m.append("; the rule meant for iPXE, '").append(meant.condition()).append("' (")
                        .append(meant.source()).append("), comes after it and never applies");
            }
            m.append(". Test the user class first (member('IPXE')), or add \"and not member('IPXE')\" to '")
                    .append(caught.condition()).append("'");
        } else {
            m.append(". Give iPXE (class IPXE) its own boot URL, its script");
        }
        return m.toString();
    }

    /** A Solicit shaped like the captured ones (RFC 9915 §18.2.1, RFC 5970 options). */
    private static byte[] solicit(Probe p) {
        ByteBuf out = Unpooled.buffer(256);
        Dhcp6Writer w = new Dhcp6Writer().begin(out, 512)
                .header(Dhcp6MessageType.SOLICIT.value(), 0x123456)
                .beginOption(OptionCodes.CLIENT_ID).duidLl(1, 0x525400123456L).endOption()
                .elapsedTime(0)
                .iaNa(1, 0, 0).endOption()
                .optionRequest(new int[] {OptionCodes.BOOT_FILE_URL, OptionCodes.BOOT_FILE_PARAMETERS,
                    OptionCodes.DNS_SERVERS, OptionCodes.VENDOR_CLASS})
                .nii(1, 3, p.ipxe() ? 10 : 0)
                .clientArchType(p.arch())
                .vendorClass(343, p.vendorClass());
        if (p.ipxe()) {
            w.userClass("iPXE");
        }
        if (!w.finish()) {
            throw new IllegalStateException("probe does not encode: " + w.error());
        }
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        return bytes;
    }
}
