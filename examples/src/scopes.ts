// Scopes the assistant asks for when the user signs in.
export const SCOPES = ['https://www.googleapis.com/auth/gmail.readonly'];
