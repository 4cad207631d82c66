import { VERSION } from '../version.js';

const HELP = `fin-tabtext ${VERSION}

Usage: fin-tabtext <command> [options]

Commands arrive with the CLI issue; run \`fin-tabtext --help\` for the list.
`;

process.stdout.write(HELP);
