import { ROUTES, type UnreadCountResponse } from '@jianghuai/shared';
import { get } from './http';

/** The unread count for the 消息 badge; failures stay quiet (the badge is simply not shown). */
export const fetchUnreadCount = () => get<UnreadCountResponse>(ROUTES.messagesUnreadCount, undefined, { toast: false });
