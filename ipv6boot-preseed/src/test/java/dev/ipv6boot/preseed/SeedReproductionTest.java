package dev.ipv6boot.preseed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.preseed.validation.Severity;
import dev.ipv6boot.preseed.validation.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The seed's script and preseed regenerated from {@link SeedProfiles}: line for line the same, except the
 * lines validation reports; and every line with an error is one the profile corrects.
 */
class SeedReproductionTest {
    private static final String SCRIPT = Resources.text("/seed/ubuntu.cfg");
    private static final String PRESEED = Resources.text("/seed/ubuntu1404.cfg");
    private static final Validation SEED = BootCheck.check(SCRIPT, "ubuntu.cfg", PRESEED, "ubuntu1404.cfg");

    @Test
    void scriptDiffersFromTheSeedOnlyWhereValidationReportsAMistake() {
        String generated = SeedProfiles.alpha().ipxeScript().render();
        assertDiffersOnlyAtReportedLines(SCRIPT, generated, "ubuntu.cfg");
    }

    @Test
    void preseedDiffersFromTheSeedOnlyWhereValidationReportsAMistake() {
        String generated = SeedProfiles.alpha().preseed().render();
        assertDiffersOnlyAtReportedLines(PRESEED, generated, "ubuntu1404.cfg");
    }

    @Test
    void generatedFilesPassTheSameValidationCleanly() {
        Machine alpha = SeedProfiles.alpha();
        Validation v = BootCheck.check(alpha.ipxeScript().render(), "ubuntu.cfg", alpha.preseed().render(),
                "ubuntu1404.cfg");
        assertTrue(v.isClean(), v::toString);
        assertTrue(alpha.validate().isClean(), () -> alpha.validate().toString());
    }

    @Test
    void kernelLineCarriesTheNetworkAnswersAndTheInitrdName() {
        String kernel = SeedProfiles.alpha().ipxeScript().render().lines()
                .filter(l -> l.startsWith("kernel ")).findFirst().orElseThrow();
        assertEquals("kernel /ubuntu-installer/amd64/linux auto=true priority=critical "
                + "preseed/url=http://[2001:db8::1]/preseed/ubuntu1404.cfg locale=en_US.UTF-8 "
                + "console-setup/ask_detect=false keyboard-configuration/layoutcode=us "
                + "keyboard-configuration/modelcode=pc105 netcfg/use_autoconfig=true netcfg/dhcpv6_timeout=10 "
                + "hostname=alpha domain=example.net fb=false debconf/frontend=noninteractive initrd=initrd.gz", kernel);
    }

    /**
     * Aligns seed and generated lines by their longest common subsequence; a seed line without a partner
     * must have a reported problem, and every seed line with an error must have been changed.
     */
    private static void assertDiffersOnlyAtReportedLines(String seedText, String generatedText, String source) {
        List<String> seed = seedText.lines().toList();
        List<String> generated = generatedText.lines().toList();
        Set<Integer> unmatched = unmatchedLines(seed, generated);
        Set<Integer> reported = SEED.linesOf(source);
        Set<Integer> unexplained = new TreeSet<>(unmatched);
        unexplained.removeAll(reported);
        assertTrue(unexplained.isEmpty(), () -> source + " lines changed without a reported mistake: " + unexplained
                + "\n--- generated ---\n" + generatedText);
        Set<Integer> errorLines = new TreeSet<>();
        // a contradiction between the kernel line and the preseed may be fixed on either side; that both
        // sides agree afterwards is checked by generatedFilesPassTheSameValidationCleanly
        SEED.problems().stream().filter(p -> p.source().equals(source) && p.severity() == Severity.ERROR
                        && !p.code().equals("contradicting-answers") || p.code().equals("contradicting-answers")
                        && p.source().equals(source) && p.subject().startsWith("netcfg/"))
                .forEach(p -> errorLines.add(p.line()));
        Set<Integer> keptErrors = new TreeSet<>(errorLines);
        keptErrors.removeAll(unmatched);
        assertTrue(keptErrors.isEmpty(), () -> source + " lines with errors copied unchanged: " + keptErrors);
        assertFalse(unmatched.isEmpty(), "the seed has mistakes, so the output must differ somewhere");
    }

    /** 1-based numbers of the lines of {@code a} that are not in a longest common subsequence with {@code b}. */
    static Set<Integer> unmatchedLines(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        Set<Integer> unmatched = new TreeSet<>();
        int i = 0;
        int j = 0;
        List<Integer> matched = new ArrayList<>();
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                matched.add(i);
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        for (int k = 0; k < a.size(); k++) {
            if (!matched.contains(k)) {
                unmatched.add(k + 1);
            }
        }
        return unmatched;
    }
}
