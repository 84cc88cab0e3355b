package dev.ipv6boot.bench.ndp;

import dev.ipv6boot.ndp.config.RadvdConf;
import dev.ipv6boot.ndp.config.RadvdConfReader;
import dev.ipv6boot.ndp.config.RadvdInterface;
import dev.ipv6boot.ndp.sender.RouterAdvertiser;
import dev.ipv6boot.ndp.sender.RouterAdvertiserListener;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * ipv6boot-ndp in radvd's place for the load script: reads a radvd.conf, advertises on each interface with
 * AdvSendAdvert on until SIGTERM, then sends the final RAs and prints the counters on one line per interface.
 */
public final class RunRouterAdvertiser {
    private RunRouterAdvertiser() {
    }

    public static void main(String[] args) throws Exception {
        RadvdConf conf = RadvdConfReader.systemInterfaces().read(Path.of(args[0]));
        conf.warnings().forEach(w -> System.out.println("radvd.conf " + w));
        List<RouterAdvertiser> advertisers = new ArrayList<>();
        for (RadvdInterface i : conf.interfaces()) {
            if (i.sendAdvert()) {
                advertisers.add(RouterAdvertiser.start(i.name(), i.advertisement(), i.settings(),
                        RouterAdvertiserListener.NONE));
                System.out.println("advertising on " + i.name());
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (RouterAdvertiser advertiser : advertisers) {
                advertiser.close();
                System.out.println("counters " + advertiser.counters());
            }
            stopped.countDown();
        }));
        stopped.await();
    }
}
