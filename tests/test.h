/* Shared by the Check suites. */
#ifndef FEDNS_TEST_H
#define FEDNS_TEST_H

#include <check.h>

/* Each check_*.c defines the suite its executable runs. */
Suite *fedns_test_suite(void);

#endif
