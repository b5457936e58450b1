/*
 * The team library's names the page shows (roles, review states): no imports, so the page's bundle
 * stays free of zod (team.ts builds the schemas from these).
 */

export const ROLES = { editor: '编辑', reviewer: '审核员', admin: '管理员' } as const;
export type Role = keyof typeof ROLES;

/** draft → submitted → approved (published city-wide) | rejected (back to the author with a comment). */
export const STATUSES = { draft: '草稿', submitted: '待审核', approved: '已发布', rejected: '已退回' } as const;
export type Status = keyof typeof STATUSES;
