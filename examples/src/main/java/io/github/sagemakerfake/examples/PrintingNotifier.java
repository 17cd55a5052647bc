package io.github.sagemakerfake.examples;

import java.io.PrintStream;
import java.util.List;

/** A {@link Notifier} that writes one line per change, for the command line. */
public final class PrintingNotifier implements Notifier {

    private final PrintStream out;

    public PrintingNotifier(PrintStream out) {
        this.out = out;
    }

    @Override
    public void teamCreated(String team) {
        out.println("created work team " + team);
    }

    @Override
    public void teamUpdated(String team, List<String> changes) {
        out.println("updated work team " + team + ": " + String.join(", ", changes));
    }

    @Override
    public void teamDeleted(String team) {
        out.println("deleted work team " + team);
    }

    @Override
    public void workteamLimitReached(List<String> teamsNotCreated, String serviceMessage) {
        out.println("work team limit reached, not created: " + String.join(", ", teamsNotCreated));
    }
}
