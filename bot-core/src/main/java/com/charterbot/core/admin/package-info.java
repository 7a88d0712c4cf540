/**
 * Who may administer the bot, and the record of what administrators changed.
 *
 * <p>Services: {@link com.charterbot.core.admin.AdminPolicy} (decides, from the configured
 * administrators and what the platform says of the user) and
 * {@link com.charterbot.core.admin.AdminActions}. Outbound port:
 * {@link com.charterbot.core.admin.AuditLog}. Values: {@link com.charterbot.core.admin.Decision},
 * {@link com.charterbot.core.admin.AdminDirectory}, {@link com.charterbot.core.admin.AuditRecord}.
 */
package com.charterbot.core.admin;
