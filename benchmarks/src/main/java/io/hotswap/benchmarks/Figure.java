package io.hotswap.benchmarks;

/**
 * One row of RESULTS.md: a figure beside its floor and its goal.
 *
 * @param figure what was measured
 * @param value  median and spread
 * @param floor  the floor or peer measured in the same run, with its spread
 * @param ratio  figure against floor
 * @param goal   the goal from the issue
 * @param pass   whether the goal was met
 */
record Figure(String figure, String value, String floor, String ratio, String goal, boolean pass) {

    String markdownRow() {
        return "| " + String.join(" | ", figure, value, floor, ratio, goal, pass ? "pass" : "**miss**") + " |";
    }
}
