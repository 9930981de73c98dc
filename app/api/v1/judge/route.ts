// POST /api/v1/judge: one judgment on demand (lib/judge-jobs/judge-route.ts answers it; the same
// handler also serves the optional judging listener on JUDGE_LAB_API_PORT).
import { handleJudgeRequest } from "@/lib/judge-jobs/judge-route";

export const dynamic = "force-dynamic";

export const POST = handleJudgeRequest;
