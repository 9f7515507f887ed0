package io.hotswap.protocol.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotswap.protocol.live.ClassView.Method;
import io.hotswap.protocol.live.ClassView.Trait;
import io.hotswap.protocol.live.LiveEntry.Kind;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The live rule over views built in memory; the build's and the runtime's readers are tested in their modules. */
class LiveRuleTest {

    @Test
    void prefixedStaticMethodsAndConcreteClassesAreLiveAndTheAnnotationRenamesThem() {
        ClassView jobs = new ClassView("a.Jobs", Set.of(), Optional.empty(), List.of(
                new Method("live_run", true, false, Optional.empty()),
                new Method("helper", true, false, Optional.of("explicit")),
                new Method("live_instance", false, false, Optional.empty()),
                new Method("live_lambda", true, true, Optional.empty())));
        ClassView job = new ClassView("a.Jobs$live_Job", Set.of(), Optional.empty(), List.of());
        ClassView marked = new ClassView("a.Marked", Set.of(), Optional.of(""), List.of());

        assertThat(LiveRule.entries(List.of(marked, job, jobs), "LIVE_")).containsExactly(
                function("live_run", "a.Jobs.live_run"), function("explicit", "a.Jobs.helper"),
                type("live_Job", "a.Jobs$live_Job"), type("Marked", "a.Marked"));
    }

    private static LiveEntry function(String name, String target) {
        int dot = target.lastIndexOf('.');
        return new LiveEntry(Kind.FUNCTION, name, target.substring(0, dot), target.substring(dot + 1));
    }

    private static LiveEntry type(String name, String className) {
        return new LiveEntry(Kind.TYPE, name, className, "");
    }

    @Test
    void interfacesAbstractInnerAndAnonymousClassesAreNotLiveTypes() {
        List<ClassView> classes = List.of(
                new ClassView("a.live_Shape", Set.of(Trait.INTERFACE, Trait.ABSTRACT), Optional.empty(), List.of()),
                new ClassView("a.live_Base", Set.of(Trait.ABSTRACT), Optional.empty(), List.of()),
                new ClassView("a.Outer$live_Inner", Set.of(Trait.INNER), Optional.empty(), List.of()),
                new ClassView("a.Outer$1", Set.of(Trait.INNER, Trait.ANONYMOUS), Optional.empty(),
                        List.of(new Method("live_hidden", true, false, Optional.empty()))));

        assertThat(LiveRule.entries(classes, "live_")).isEmpty();
    }

    @Test
    void theFirstMistakeInNameOrderIsReportedWhateverOrderTheViewsCameIn() {
        ClassView b = new ClassView("a.B", Set.of(), Optional.empty(),
                List.of(new Method("run", false, false, Optional.of(""))));
        ClassView a = new ClassView("a.A", Set.of(Trait.INTERFACE), Optional.of(""), List.of());

        assertThatThrownBy(() -> LiveRule.entries(List.of(b, a), "live_"))
                .hasMessage("@Live on a.A: a live type must be a concrete, top-level or static nested class or record");
        assertThatThrownBy(() -> LiveRule.entries(List.of(b), "live_"))
                .hasMessage("@Live on a.B.run: a live function must be a static method");
    }
}
