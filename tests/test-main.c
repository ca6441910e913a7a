/* The driver every Check suite links: runs the suite in fork mode, prints
 * Check's summary and a closing "N passed, N failed" line, and exits non-zero
 * when a test failed. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#include "test.h"

int main(void)
{
	SRunner *runner = srunner_create(fedns_test_suite());
	int run, failed;

	srunner_run_all(runner, CK_NORMAL);
	run = srunner_ntests_run(runner);
	failed = srunner_ntests_failed(runner);
	srunner_free(runner);
	printf("%d passed, %d failed\n", run - failed, failed);
	return failed == 0 && run > 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
