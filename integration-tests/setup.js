// Medusa's model metadata is global; clear it so each test file registers its own.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()
