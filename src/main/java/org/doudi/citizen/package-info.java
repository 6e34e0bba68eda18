/**
 * 互联网+社会救助 (issue 20; docs/citizen.md): citizens sign in with their ID number and a one-time code sent to their
 * phone, apply for 低保 online with every adult member's consent given on their own phone, follow their own cases
 * (stage, deadlines, decisions, payments, documents), upload materials and withdraw, object or ask for a 复查. Public
 * API: {@link org.doudi.citizen.CodeSender} (how codes reach the phone) and {@link org.doudi.citizen.CitizenSettings}.
 * Tables {@code citizen_*}.
 */
package org.doudi.citizen;
