#!/usr/bin/env node
// Build-time data preparation (data sets from npm packages → compact assets in public/generated/).
// Nothing to prepare yet for the article itself; the widgets' data steps are added here.
