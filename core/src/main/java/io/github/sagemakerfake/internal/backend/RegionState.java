package io.github.sagemakerfake.internal.backend;

import io.github.sagemakerfake.control.RegionSnapshot;
import io.github.sagemakerfake.control.WorkforceSnapshot;
import io.github.sagemakerfake.control.WorkteamSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * All state of one (account, region). Every operation runs whole under {@link #lock}, so limits
 * hold under concurrency and no reader sees a half-applied change. Operations take microseconds,
 * so one lock per region costs nothing measurable and keeps the rules simple to reason about.
 */
final class RegionState {

    final String account;
    final String region;
    final ReentrantLock lock = new ReentrantLock();

    /** Set, under the lock, when this state is dropped from the backend; a thread that finds it set looks again. */
    boolean retired;

    WorkforceRecord workforce;
    /** By name. Change it only through {@link #putWorkteam}, {@link #removeWorkteam} and {@link #clear}. */
    final TreeMap<String, WorkteamRecord> workteams = new TreeMap<>();
    /** The same teams in ListWorkteams' default order, CreateDate then name, so a page needs no sort. */
    final TreeSet<WorkteamRecord> workteamsByDate = new TreeSet<>(WorkteamRecord.BY_CREATE_DATE);
    final List<Map<String, Object>> subscribedWorkteams = new ArrayList<>();
    final Map<String, List<Map<String, Object>>> labelingJobs = new LinkedHashMap<>();
    /** Labeling jobs, flow definitions and human task UIs. */
    final LabelingState labeling = new LabelingState();

    RegionState(String account, String region) {
        this.account = account;
        this.region = region;
    }

    /** Applies transitions that completed by {@code now}; called under the lock before each operation. */
    void settle(Instant now) {
        if (workforce != null) {
            workforce.settle(now);
            if (workforce.isGone()) {
                workforce = null;
            }
        }
        labeling.settle(now);
    }

    void putWorkteam(WorkteamRecord team) {
        WorkteamRecord old = workteams.put(team.name, team);
        if (old != null) {
            workteamsByDate.remove(old);
        }
        workteamsByDate.add(team);
    }

    void removeWorkteam(String name) {
        WorkteamRecord old = workteams.remove(name);
        if (old != null) {
            workteamsByDate.remove(old);
        }
    }

    boolean isEmpty() {
        return workforce == null && workteams.isEmpty() && subscribedWorkteams.isEmpty() && labelingJobs.isEmpty()
                && labeling.isEmpty();
    }

    void clear() {
        workforce = null;
        workteams.clear();
        workteamsByDate.clear();
        subscribedWorkteams.clear();
        labelingJobs.clear();
        labeling.clear();
    }

    RegionSnapshot snapshot(Instant now) {
        lock.lock();
        try {
            settle(now);
            List<WorkteamSnapshot> teams = new ArrayList<>(workteams.size());
            for (WorkteamRecord team : workteams.values()) {
                teams.add(new WorkteamSnapshot(team.toWire(), team.tags));
            }
            WorkforceSnapshot wf = workforce == null ? null : new WorkforceSnapshot(workforce.toWire());
            return new RegionSnapshot(account, region, wf, teams, subscribedWorkteams, labelingJobs,
                    labeling.jobSnapshots(), labeling.flowDefinitionSnapshots(), labeling.humanTaskUiSnapshots());
        } finally {
            lock.unlock();
        }
    }
}
