package io.hotswap.runtime;

import io.hotswap.protocol.ErrorReply;
import io.hotswap.protocol.HostStatus;
import io.hotswap.protocol.LeakPathStatus;
import io.hotswap.protocol.LeakStatus;
import io.hotswap.protocol.LibraryStatus;
import io.hotswap.protocol.PluginStatus;
import io.hotswap.protocol.ProbationEnd;
import io.hotswap.protocol.ProbationVerdict;
import io.hotswap.protocol.RejectedStatus;
import io.hotswap.protocol.RollbackReply;
import io.hotswap.protocol.ReloadOutcome;
import io.hotswap.protocol.ReloadReply;
import io.hotswap.protocol.ReloadResult;
import io.hotswap.protocol.ReloadingStatus;
import io.hotswap.protocol.Reply;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongFunction;
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
                s.reloading().map(r -> new ReloadingStatus(r.since(), r.plugin(), r.step().label(), r.stepSince())),
                s.probation().map(ManagementViews::probation), s.lastProbation().map(ManagementViews::outcome),
                s.rejected().stream().map(ManagementViews::rejected).toList());
    }

    /**
     * Runs a reload: its details, or the failure with plugin, step and cause.
     *
     * @param probation the probation of the generation the reload made, if it is on probation
     */
    static Reply reload(Supplier<ReloadDetails> reload, LongFunction<Optional<ProbationStatus>> probation) {
        try {
            ReloadDetails d = reload.get();
            return new ReloadReply(details(d, probation.apply(d.generation()).map(ProbationStatus::until)));
        } catch (ReloadException e) {
            return new ErrorReply(e.getMessage(), e.plugin(), Optional.of(e.step().label()));
        }
    }

    /** Runs a rollback: how the probation ended, or why there was nothing to roll back to. */
    static Reply rollback(Supplier<ProbationOutcome> rollback) {
        try {
            return new RollbackReply(outcome(rollback.get()));
        } catch (IllegalStateException | SwapException e) {
            return ErrorReply.of(e.getMessage());
        }
    }

    /** One line for the MBean: the generation on probation and the time left, else how the last one ended. */
    static String probation(Optional<ProbationStatus> now, Optional<ProbationOutcome> last) {
        if (now.isPresent()) {
            ProbationStatus p = now.get();
            return "generation " + p.generation() + " on probation, " + p.left(Instant.now()).toSeconds()
                    + " s left (until " + p.until() + "), generation " + p.kept() + " kept; " + p.failures() + " of "
                    + p.calls() + " calls failed";
        }
        return last.map(ProbationOutcome::toString).orElse("none");
    }

    static ReloadResult details(ReloadDetails d) {
        return details(d, Optional.empty());
    }

    private static ReloadResult details(ReloadDetails d, Optional<Instant> probationUntil) {
        Map<String, ReloadOutcome> outcomes = new LinkedHashMap<>();
        d.outcomes().forEach((plugin, outcome) -> outcomes.put(plugin, ReloadOutcome.valueOf(outcome.name())));
        return new ReloadResult(d.generation(), d.took().toMillis(), outcomes, probationUntil);
    }

    private static io.hotswap.protocol.ProbationStatus probation(ProbationStatus p) {
        return new io.hotswap.protocol.ProbationStatus(p.generation(), p.kept(), p.since(), p.until(), p.calls(),
                p.failures());
    }

    private static ProbationEnd outcome(ProbationOutcome o) {
        return new ProbationEnd(o.generation(), o.kept(), ProbationVerdict.valueOf(o.verdict().name()), o.reason(),
                o.at(), o.calls(), o.failures());
    }

    private static RejectedStatus rejected(RejectedFile r) {
        return new RejectedStatus(r.plugin(), r.sha256(), r.file().map(Object::toString), r.since(), r.reason());
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
