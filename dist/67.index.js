export const id = 67;
export const ids = [67];
export const modules = {

/***/ 4067:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  startFilePool: () => (/* binding */ startFilePool)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/parallel/messages.ts
/** How far a worker got with the file it is on. */
const STAGE = { parse: 0, evaluate: 1 };
/** Where in WorkerSetup.progress each value is. */
const PROGRESS = { stage: 0, file: 1, length: 2 };
/** Records that the worker is at `stage` of the file with id `file`. */
function markProgress(progress, file, stage) {
    Atomics.store(progress, PROGRESS.file, file);
    Atomics.store(progress, PROGRESS.stage, stage);
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
;// CONCATENATED MODULE: ./src/parallel/compiler-tier.ts

/**
 * Has V8 compile hot JavaScript with Maglev, its mid-tier optimising compiler, and no further, for the
 * rest of the process: called when the worker threads start, that is, when every core will be busy
 * checking files.
 *
 * TurboFan, the top tier, compiles on V8's background threads, which then compete with the workers for
 * the same cores. Over a corpus scan that compiling was ~30% of all the CPU time the process used
 * (`perf`, by thread), much of it the same large functions of the parsers compiled again and again as
 * new input shapes deoptimised them, and again in every isolate. With TurboFan off, the workers' code
 * runs a little slower, but the scan used 15-20% less CPU in all, and on two cores its wall time
 * follows its CPU time (bench/README.md). A one-file scan starts no workers and keeps TurboFan: there
 * a spare core does the compiling, and the optimised code pays off on a long input.
 *
 * Only where Maglev is on by default (V8 12 and later, node 22 and later): on node 20 there is no
 * mid tier, so this would leave the interpreter and the baseline compiler alone. `--no-turbofan` is
 * read at every tiering decision, so it takes effect at run time; `--max-opt`, which would say the
 * same, is read only at start-up.
 */
function stopAtMidTierCompiler(v8Version = process.versions.v8) {
    if (Number(v8Version.split('.')[0]) < 12)
        return false;
    (0,external_node_v8_.setFlagsFromString)('--no-turbofan');
    return true;
}

;// CONCATENATED MODULE: ./src/parallel/old-generation.ts

/**
 * How far, in percent of what survived the last full collection, a heap's old generation may grow
 * before the next one, once a scan runs on worker threads.
 *
 * V8 otherwise picks the factor from how fast it collects against how fast the program allocates, up
 * to 4× on a machine with this much memory, and the main thread of a big scan (which holds every
 * finding until the report is written, ~36 MiB live at the end of the corpus scan) was given that
 * room: its heap reached ~62 MiB committed. Capped at 2×, the corpus scan's peak RSS fell from
 * 185–197 to 165–169 MiB (5 alternating runs of the two bundles) at the same wall and CPU time
 * (3.75 and 3.78 s, 6.75 and 6.74 s); 10,000 small Dockerfiles, whose main thread holds little, kept theirs
 * (~130 MiB) and their time. 50% saved a little more memory but cost those 10,000 files ~4% of
 * wall time in more full collections.
 */
const OLD_GENERATION_GROWTH_PERCENT = 100;
/**
 * Caps the growth factor of every heap in the process from now on (the main thread's and those of
 * workers started later): V8 reads `--heap-growing-percent` each time it sets a heap's next limit, so
 * unlike the sizes of a heap, it takes effect at run time.
 */
function limitOldGenerationGrowth() {
    (0,external_node_v8_.setFlagsFromString)(`--heap-growing-percent=${OLD_GENERATION_GROWTH_PERCENT}`);
}

;// CONCATENATED MODULE: ./src/parallel/young-generation.ts

/**
 * Stops the main thread's young generation from growing, for the rest of the process, and has worker
 * threads started from now on begin with semi-spaces of `workerSemiSpaceMiB`.
 *
 * V8 doubles a heap's young generation (up to 64 MiB a semi-space on a machine with this much memory)
 * whenever enough has survived it since the last time; in a big scan the main thread's grew that way
 * while it held the findings coming in and wrote the report, and made up most of its heap. Its size
 * cannot be capped from inside the process (neither the action's `runs.main` nor the CLI's shebang
 * passes node flags, and `--max-semi-space-size` is read only when a heap is set up), but node 24's
 * V8 reads the growth factor each time it considers growing, so setting it to 1 at run time stops the
 * growth (node 20's grows regardless once past its starting size). The factor also halves the
 * semi-spaces a new heap starts with, which cost the workers ~1 s of CPU in extra collections over the
 * corpus; the minimum puts their start back where it was. Corpus scan: peak RSS ~280 → ~225 MiB, at
 * the same CPU time (bench/README.md).
 */
function keepYoungGenerationsSmall(workerSemiSpaceMiB) {
    (0,external_node_v8_.setFlagsFromString)(`--semi-space-growth-factor=1 --min-semi-space-size=${workerSemiSpaceMiB}`);
}

;// CONCATENATED MODULE: ./src/parallel/spawn-worker.ts





/**
 * The young generation of a worker's heap, in MiB (V8 makes semi-spaces a third of it). V8's default
 * lets it grow to tens of MiB per thread; parsing and evaluating the corpus's 3,467 Dockerfiles in one
 * thread with 4 MiB semi-spaces peaked at 193 MiB instead of 297 MiB, and took no more CPU time. 2 MiB
 * semi-spaces took the corpus scan's peak from ~225 to ~216 MiB and 10,000 small Dockerfiles' from
 * ~175 to ~162 MiB, again at the same CPU time (5 and 4 alternating runs); what a worker keeps alive
 * between files is small, so a smaller nursery promotes little more.
 */
const WORKER_YOUNG_GENERATION_MB = 6;
/**
 * The old generation of a worker's heap, in MiB. It is less a ceiling than a setting of V8's growth
 * heuristic: an old generation whose limit is 2 GiB or more (the default on a machine with 16 GB) may
 * grow to 4× its live data before a full collection, one with a smaller limit to 1.3–2× (1.6× here).
 * The corpus scan peaked ~50 MiB lower with it (two workers), at about the same CPU time; 2,048 made
 * no difference. The biggest input known (a generated Dockerfile of 10,000 instructions) needs ~33 MiB
 * of it, its bulk being in the Wasm memory; a worker that runs out stops, and its file is an error.
 */
const WORKER_OLD_GENERATION_MB = 1024;
/** The semi-spaces a worker's heap starts with under its young-generation limit, as V8 sizes them by default (measured). */
const WORKER_SEMI_SPACE_START_MB = 2;
/**
 * Sets the main thread up for a scan on worker threads, before the first is started (the settings of
 * heaps are read when they are set up): a scan big enough for workers is one where the main thread's
 * heap would grow most (its young generation, and its old one as findings come in), and where every
 * core is busy, so that V8's top-tier compiling on further threads would slow the checks.
 */
function tuneForWorkerThreads() {
    keepYoungGenerationsSmall(WORKER_SEMI_SPACE_START_MB);
    limitOldGenerationGrowth();
    stopAtMidTierCompiler();
}
/** Starts a worker thread that checks files, given its setup now or (AwaitingSetup) in its first message. */
function spawnWorker(script, workerData) {
    const resourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB };
    const options = { workerData, resourceLimits };
    if (script.register === undefined)
        return new external_node_worker_threads_.Worker(script.path, options);
    const [register, entry] = [script.register, (0,external_node_url_.pathToFileURL)(script.path).href].map((url) => JSON.stringify(url));
    // A failure to load either rejects, which ends the thread before it is ready.
    return new external_node_worker_threads_.Worker(`import(${register}).then((m) => m.register()).then(() => import(${entry}))`, { ...options, eval: true });
}

;// CONCATENATED MODULE: ./src/parallel/worker-pool.ts



/**
 * Files handed to a worker at a time: the one it is on and those next, so that it does not wait for
 * the main thread in between. The main thread hears a worker's answers only between the files it
 * checks itself (see MAX_WORKERS), so a worker's files must outlast the main thread's longest: with
 * two, the worker was idle for a fifth of the corpus scan.
 */
const FILES_PER_THREAD = 8;
function startFilePool(policy, options) {
    tuneForWorkerThreads();
    const queue = [];
    const threads = new Set();
    let nextId = 0;
    let failure;
    let closed = false;
    const spawn = () => {
        const shared = new SharedArrayBuffer(PROGRESS.length * Int32Array.BYTES_PER_ELEMENT);
        const progress = new Int32Array(shared);
        Atomics.store(progress, PROGRESS.file, -1); // on no file yet
        const { configuration, composeVariables, readScope } = options;
        const setup = {
            policy,
            progress: shared,
            ...(configuration ? { configuration } : {}),
            ...(composeVariables ? { composeVariables } : {}),
            ...(readScope ? { readScope } : {}),
        };
        const thread = { worker: givenSetup(options.prestarted?.take(), setup) ?? spawnWorker(options.script, setup), progress, jobs: [], ready: false };
        threads.add(thread);
        thread.worker.on('message', (reply) => onReply(thread, reply));
        thread.worker.on('error', (error) => (thread.error ??= (0,errors/* describeError */.U)(error)));
        thread.worker.on('exit', (code) => onExit(thread, code));
        thread.timer = setTimeout(() => fail(new Error(`A worker thread checking files did not start within ${inSeconds(options.startTimeoutMs)}.`)), options.startTimeoutMs);
    };
    /** The file a thread is on gets the time limit from when it became the thread's first. */
    const armFirstJob = (thread) => {
        clearTimeout(thread.timer);
        const current = thread.jobs[0];
        if (current === undefined || !thread.ready)
            return;
        thread.timer = setTimeout(() => {
            thread.timedOut = true;
            void thread.worker.terminate();
        }, options.fileTimeoutMs);
    };
    const dispatch = () => {
        if (failure || closed)
            return;
        for (const thread of threads) {
            while (!stopping(thread) && thread.jobs.length < FILES_PER_THREAD && queue.length > 0) {
                const job = queue.shift();
                thread.jobs.push(job);
                thread.worker.postMessage(job.request);
                if (thread.jobs.length === 1)
                    armFirstJob(thread);
            }
        }
    };
    const onReply = (thread, reply) => {
        // Heard even from a thread that has stopped: its error comes on another port and can be heard
        // before its 'ready', and a thread that started and then crashed on a file must be blamed on that
        // file (and replaced), not taken for one that could not start, which fails the whole run.
        if (reply.type === 'ready')
            thread.ready = true;
        if (stopping(thread) || failure || closed)
            return;
        if (reply.type === 'ready') {
            armFirstJob(thread);
            return;
        }
        if (reply.type === 'read') {
            answerRead(thread, reply);
            return;
        }
        const job = thread.jobs.shift();
        if (job?.request.id !== reply.id) {
            fail(new Error(`A worker thread answered for file #${reply.id} while on file #${job?.request.id ?? 'none'} (a bug).`));
            return;
        }
        job.resolve(reply.outcome);
        armFirstJob(thread);
        dispatch();
    };
    /** Reads a file for the worker that asked; a thread that has stopped meanwhile no longer hears the answer. */
    const answerRead = (thread, { read, path }) => {
        const answer = (message) => {
            if (!stopping(thread) && threads.has(thread))
                thread.worker.postMessage(message);
        };
        const readFile = options.readFile ?? (() => Promise.reject(new Error(`${path} cannot be read: the worker threads were given no reader (a bug).`)));
        // Through a promise, so that a reader that throws rather than rejects is answered all the same
        // (thrown here, in a message handler, it would end the process).
        Promise.resolve(path).then(readFile).then((bytes) => answer({ type: 'read', read, bytes }), (thrown) => {
            const code = thrown?.code;
            answer({ type: 'read', read, error: { message: (0,errors/* describeError */.U)(thrown), ...(typeof code === 'string' ? { code } : {}) } });
        });
    };
    const onExit = (thread, code) => {
        threads.delete(thread);
        clearTimeout(thread.timer);
        // Its files were answered already when the pool failed or closed.
        if (failure || closed)
            return;
        const jobs = thread.jobs.splice(0);
        if (!thread.ready) {
            // Back in the queue, so that failing the pool answers them too.
            queue.unshift(...jobs);
            fail(new Error(`A worker thread checking files could not start: ${thread.error ?? `it exited with code ${code}`}.`));
            return;
        }
        // The file the worker says it was on is the one that stopped it. The others go back in the queue:
        // those it had not started, and those it had answered, the answer still behind the thread's error
        // (which can be delivered first) or lost with the thread.
        const on = Atomics.load(thread.progress, PROGRESS.file);
        const current = jobs.find((job) => job.request.id === on);
        const why = thread.timedOut
            ? `Checking the file took longer than ${inSeconds(options.fileTimeoutMs)}; it was stopped.`
            : `The worker thread checking the file stopped: ${thread.error ?? `exit code ${code}`}.`;
        current?.resolve({ error: stoppedOn(current.request.file.path, thread, why) });
        queue.unshift(...jobs.filter((job) => job !== current));
        try {
            spawn();
        }
        catch (thrown) {
            fail(new Error(`A worker thread checking files could not be replaced: ${(0,errors/* describeError */.U)(thrown)}`));
            return;
        }
        dispatch();
    };
    const unanswered = () => [...queue.splice(0), ...[...threads].flatMap((t) => t.jobs.splice(0))];
    const fail = (error) => {
        if (failure || closed)
            return;
        failure = error;
        for (const job of unanswered())
            job.reject(error);
        for (const thread of threads) {
            clearTimeout(thread.timer);
            void thread.worker.terminate();
        }
    };
    for (let i = 0; i < options.workers; i++)
        spawn();
    return {
        workers: options.workers,
        check(file, bytes) {
            if (failure)
                return Promise.reject(failure);
            if (closed)
                return Promise.reject(new Error('The worker threads checking files are closed.'));
            return new Promise((resolve, reject) => {
                queue.push({ request: { type: 'check', id: nextId++, file, bytes }, resolve, reject });
                dispatch();
            });
        },
        async close() {
            if (!closed) {
                closed = true;
                const error = new Error('The worker threads checking files were closed before the file was checked.');
                for (const job of unanswered())
                    job.reject(error);
            }
            await Promise.all([...threads].map((thread) => {
                clearTimeout(thread.timer);
                return thread.worker.terminate();
            }));
        },
    };
}
function inSeconds(ms) {
    return `${Math.round(ms / 100) / 10} s`;
}
function stopping(thread) {
    return thread.error !== undefined || thread.timedOut === true;
}
/** The error for a file its worker stopped on: a parse error or a policy error by the stage it had reached. */
function stoppedOn(path, thread, message) {
    return { kind: Atomics.load(thread.progress, PROGRESS.stage) === STAGE.evaluate ? 'policy' : 'parse', path, message };
}
/** A thread started ahead, sent its setup (before anything else it is sent); undefined when there was none. */
function givenSetup(worker, setup) {
    worker?.postMessage({ type: 'setup', setup });
    return worker;
}


/***/ })

};
