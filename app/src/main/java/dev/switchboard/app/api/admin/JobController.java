package dev.switchboard.app.api.admin;

import dev.switchboard.core.lifecycle.JobRuns;
import dev.switchboard.core.lifecycle.Jobs;
import dev.switchboard.core.support.NotFoundException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The scheduled jobs, for the administrator: their recent runs, and "run it now". */
@RestController
@RequestMapping("/api/v1/admin/jobs")
class JobController {

    record Runs(List<JobRuns.Run> runs) {
    }

    private final Jobs jobs;
    private final JobRuns runs;

    JobController(Jobs jobs, JobRuns runs) {
        this.jobs = jobs;
        this.runs = runs;
    }

    @GetMapping
    Runs recent() {
        return new Runs(runs.recent(100));
    }

    @PostMapping("/{name}/run")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void run(@PathVariable String name) {
        if (!jobs.runNow(name)) {
            throw new NotFoundException("job " + name);
        }
    }
}
