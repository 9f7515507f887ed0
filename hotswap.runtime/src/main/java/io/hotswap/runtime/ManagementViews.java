package io.hotswap.runtime;

import io.hotswap.protocol.ErrorReply;
import io.hotswap.protocol.HostStatus;
import io.hotswap.protocol.LeakPathStatus;
import io.hotswap.protocol.LeakStatus;
import io.hotswap.protocol.LibraryStatus;
import io.hotswap.protocol.PluginStatus;
import io.hotswap.protocol.ReloadOutcome;
import io.hotswap.protocol.ReloadReply;
import io.hotswap.protocol.ReloadResult;
import io.hotswap.protocol.ReloadingStatus;
import io.hotswap.protocol.Reply;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The swapper's values in the terms of the management protocol, for the endpoint and the MBean:
 * the one place that maps the runtime's types to the wire's, so that the management package
 * needs none of this package's types.
 */
final class ManagementViews {

    private ManagementViews() {
    }

    static HostStatus status(String host, SwapperStatus s) {
        return new HostStatus(host, ProcessHandle.current().pid(), s.pluginDir().toString(), s.generation(),
                s.reloadCounter(), s.staticLinking(), s.plugins().stream().map(ManagementViews::plugin).toList(),
                s.retired(), s.freed(), s.collected(), s.leaked(), s.leaks().stream().map(ManagementViews::leak).toList(),
                s.reloading().map(r -> new ReloadingStatus(r.since(), r.plugin(), r.step().label(), r.stepSince())));
    }

    /** Runs a reload: its details, or the failure with plugin, step and cause. */
    static Reply reload(Supplier<ReloadDetails> reload) {
        try {
            return new ReloadReply(details(reload.get()));
        } catch (ReloadException e) {
            return new ErrorReply(e.getMessage(), e.plugin(), Optional.of(e.step().label()));
        }
    }

    static ReloadResult details(ReloadDetails d) {
        Map<String, ReloadOutcome> outcomes = new LinkedHashMap<>();
        d.outcomes().forEach((plugin, outcome) -> outcomes.put(plugin, ReloadOutcome.valueOf(outcome.name())));
        return new ReloadResult(d.generation(), d.took().toMillis(), outcomes);
    }

    private static PluginStatus plugin(PluginInfo p) {
        return new PluginStatus(p.name(), p.version(), p.descriptorVersion(), p.sha256(),
                p.file().map(Object::toString), p.loadedAt(), p.generation(), p.reloadable(),
                p.requires(), p.libraries().stream().map(ManagementViews::library).toList());
    }

    private static LibraryStatus library(LibraryInfo l) {
        return new LibraryStatus(l.name(), l.version(), l.automatic(), l.path());
    }

    static LeakPathStatus leakPath(LeakPath p) {
        return new LeakPathStatus(p.leak().plugin(), p.leak().version(), p.leak().loaderName(), p.chain());
    }

    static LeakStatus leak(LeakReport r) {
        return new LeakStatus(r.plugin(), r.version(), r.loaderName(), r.freedAt(), r.aliveFor().toSeconds(), r.threads(),
                r.holders());
    }
}
