// Placeholder until the browser end-to-end suite lands (issue 7).
console.log('e2e: no browser tests yet');
