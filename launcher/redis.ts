import { spawn, spawnSync, type ChildProcess } from "node:child_process"
import net from "node:net"
import { freePort } from "./net"

export type TestRedis = { url: string; source: string; stop: () => void }

/** True when a Redis server answers PING at host:port within a second. */
export function redisAnswers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port })
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(1000, () => done(false))
    socket.once("error", () => done(false))
    socket.once("connect", () => socket.write("PING\r\n"))
    socket.once("data", (chunk) => done(chunk.toString().startsWith("+PONG")))
  })
}

/**
 * A Redis for the tests: TEST_REDIS_URL when given; else a throwaway
 * `redis-server` when one is installed; else one already answering on
 * 127.0.0.1:6379. Undefined when there is none.
 */
export async function findTestRedis(env: NodeJS.ProcessEnv): Promise<TestRedis | undefined> {
  if (env.TEST_REDIS_URL) {
    return { url: env.TEST_REDIS_URL, source: "TEST_REDIS_URL", stop: () => undefined }
  }
  if (spawnSync("redis-server", ["--version"]).status === 0) {
    const port = await freePort()
    const child: ChildProcess = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: "ignore" }
    )
    for (let i = 0; i < 50; i++) {
      if (await redisAnswers("127.0.0.1", port)) {
        return { url: `redis://127.0.0.1:${port}`, source: `a throwaway redis-server on port ${port}`, stop: () => child.kill() }
      }
      await new Promise((r) => setTimeout(r, 100))
    }
    child.kill()
  }
  if (await redisAnswers("127.0.0.1", 6379)) {
    // Database 13 keeps the test's queues apart from anything else on that server.
    return { url: "redis://127.0.0.1:6379/13", source: "the Redis server on 127.0.0.1:6379 (database 13)", stop: () => undefined }
  }
  return undefined
}
