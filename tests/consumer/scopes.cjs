// The scopes the app asks for, in a module of their own: the plugin parses it to follow SCOPES.
exports.SCOPES = ['https://www.googleapis.com/auth/gmail.readonly'];
