export const id = 943;
export const ids = [943];
export const modules = {

/***/ 8943:
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

// EXTERNAL MODULE: ./src/parallel/spawn-worker.ts + 5 modules
var spawn_worker = __webpack_require__(4745);
;// CONCATENATED MODULE: ./src/parallel/worker-pool.ts



/**
 * Files handed to a worker at a time: the one it is on and those next, so that it does not wait for
 * the main thread in between. The main thread hears a worker's answers only between the files it
 * checks itself (see MAX_WORKERS), so a worker's files must outlast the main thread's longest: with
 * two, the worker was idle for a fifth of the corpus scan.
 */
const FILES_PER_THREAD = 8;
function startFilePool(policy, options) {
    (0,spawn_worker/* tuneForWorkerThreads */.T)();
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
        const thread = { worker: givenSetup(options.prestarted?.take(), setup) ?? (0,spawn_worker/* spawnWorker */.G)(options.script, setup), progress, jobs: [], ready: false };
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
