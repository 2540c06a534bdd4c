import { PUBLIC_BRANCH_FIELDS } from "../../store/branches/query-config"

export const ADMIN_BRANCH_FIELDS = [...PUBLIC_BRANCH_FIELDS, "is_active", "metadata", "created_at", "updated_at"]

export const retrieveBranchQueryConfig = { defaults: ADMIN_BRANCH_FIELDS, isList: false }
export const listBranchQueryConfig = { ...retrieveBranchQueryConfig, isList: true }
