package org.citystep.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * A whole test run takes a minute or two. If one is still going after {@value #AFTER_MINUTES}
 * minutes something hangs (possibly outside any test method, where the per-test timeout cannot
 * see it), so every thread's stack is printed to the build output, and again every few minutes,
 * before the fork timeout ends the run. Registered in META-INF/services.
 */
public class HangWatchdog implements LauncherSessionListener {

    private static final long AFTER_MINUTES = 8;
    private static final Duration EVERY = Duration.ofMinutes(4);

    private ScheduledExecutorService timer;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "hang-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(HangWatchdog::dumpThreads, AFTER_MINUTES * 60, EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private static void dumpThreads() {
        StringBuilder dump = new StringBuilder("\n=== HangWatchdog: tests still running; thread dump ===\n");
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
            if (info.getLockName() != null) {
                dump.append(" on ").append(info.getLockName());
            }
            dump.append('\n');
            for (StackTraceElement frame : info.getStackTrace()) {
                dump.append("    at ").append(frame).append('\n');
            }
        }
        System.err.println(dump);
    }
}
