/**
 * The province's register of persons in basic-living benefits (低保, 特困): one row per ID number while the person is
 * in an application in progress, approved but not yet paid, or paid. The primary key on the ID number is what keeps
 * a person to one benefit in the province, whatever the order of concurrent requests (docs/integrity.md).
 */
package org.doudi.register;
