// Enhancement only: every page works without this file.
import { initAll } from '/lib/govuk-frontend.min.js'
import { initAll as initMoj } from '/lib/all.bundle.mjs'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
initMoj()
